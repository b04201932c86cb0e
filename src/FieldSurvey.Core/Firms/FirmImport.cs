using System.Text.RegularExpressions;

namespace FieldSurvey.Core.Firms;

/// <summary>The fields a column of an import file can fill.</summary>
public enum ImportField
{
    NameZh, NameEn, Park, Address, Subsector, FoundedYear, SizeBand, Website, Notes,
    ContactName, ContactTitle, Phone, Email,
}

/// <summary>A park as the import recognises it: by code, English or Chinese name, or the short name in brackets.</summary>
public sealed record ImportPark(int Id, string Code, string NameEn, string NameZh);

/// <summary>A subsector (TermKind.Subsector) by code, English or Chinese name.</summary>
public sealed record ImportSubsector(string Code, string NameEn, string NameZh);

/// <summary>One valid row, ready to become a <see cref="Firm"/> with at most one <see cref="Contact"/>.</summary>
public sealed record ImportedFirm(int RowNumber, string NameZh, string? NameEn, int ParkId, string? Address, string? Subsector,
    int? FoundedYear, string? SizeBand, string? Website, string? Notes,
    string? ContactName, string? ContactTitle, IReadOnlyList<string> Phones, string? Email)
{
    /// <summary>The row's phones and e-mail without a contact name: they become the firm's switchboard.</summary>
    public bool IsSwitchboard => ContactName is null && !Contact.NeedsName(Phones, Email);

    /// <summary>The row's contact (the switchboard when it has no name), or none when the row has no contact details.</summary>
    public Contact? ToContact() => ContactName is null && !IsSwitchboard ? null
        : new Contact { Name = ContactName ?? "", Title = ContactTitle, Phones = Phones.ToList(), Email = Email };
}

/// <summary>What is wrong with one row (row numbers count the header as row 1, as a spreadsheet shows them).</summary>
public sealed record ImportProblem(int RowNumber, ImportField? Field, string Code, string? Value = null);

public sealed record ImportResult(IReadOnlyList<ImportedFirm> Firms, IReadOnlyList<ImportProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// The firm import as pure functions over rows of strings (the web layer reads CSV/XLSX into rows):
/// guess which column holds what from the header, then check every row. All or nothing: the caller saves
/// only when <see cref="ImportResult.IsValid"/>, so a file is never half-imported.
/// </summary>
public static partial class FirmImport
{
    // Header words in English and Chinese, compared after Duplicates.NameKey (lower case, no spaces or punctuation).
    static readonly (ImportField Field, string[] Names)[] Synonyms =
    [
        (ImportField.NameZh, ["namezh", "chinesename", "namecn", "名称", "企业名称", "公司名称", "中文名称", "中文名", "企业中文名称"]),
        (ImportField.NameEn, ["nameen", "englishname", "name", "firm", "company", "英文名称", "英文名", "企业英文名称"]),
        (ImportField.Park, ["park", "parkcode", "cluster", "园区", "所在园区", "园区代码"]),
        (ImportField.Address, ["address", "地址", "企业地址", "通讯地址"]),
        (ImportField.Subsector, ["subsector", "sector", "industry", "子行业", "细分行业", "行业", "领域"]),
        (ImportField.FoundedYear, ["founded", "foundedyear", "yearfounded", "year", "成立年份", "成立时间", "成立年"]),
        (ImportField.SizeBand, ["sizeband", "size", "employees", "规模", "企业规模", "员工人数"]),
        (ImportField.Website, ["website", "web", "url", "网站", "网址", "官网"]),
        (ImportField.Notes, ["notes", "note", "remarks", "备注", "说明"]),
        (ImportField.ContactName, ["contactname", "contact", "联系人", "联系人姓名", "姓名"]),
        (ImportField.ContactTitle, ["contacttitle", "title", "position", "职务", "职位", "联系人职务"]),
        (ImportField.Phone, ["phone", "phones", "telephone", "tel", "mobile", "电话", "联系电话", "手机", "电话号码"]),
        (ImportField.Email, ["email", "mail", "电子邮件", "邮箱", "电子邮箱"]),
    ];

    /// <summary>Column index per field, guessed from header names; a column is used at most once.</summary>
    public static Dictionary<ImportField, int> GuessMapping(IReadOnlyList<string> headers)
    {
        var keys = headers.Select(Duplicates.NameKey).ToList();
        var mapping = new Dictionary<ImportField, int>();
        foreach (var (field, names) in Synonyms)
        {
            var column = keys.FindIndex(k => names.Contains(k) && !mapping.ContainsValue(keys.IndexOf(k)));
            if (column >= 0 && !mapping.ContainsValue(column)) mapping[field] = column;
        }
        return mapping;
    }

    /// <summary>
    /// Checks every data row (<paramref name="rows"/> excludes the header; row i is file row i + 2).
    /// Rows with every cell blank are skipped. Problem codes are English sentences the page localises.
    /// </summary>
    public static ImportResult Validate(IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyDictionary<ImportField, int> mapping,
        IReadOnlyList<ImportPark> parks, IReadOnlyList<ImportSubsector> subsectors, int currentYear)
    {
        var problems = new List<ImportProblem>();
        if (!mapping.ContainsKey(ImportField.NameZh) && !mapping.ContainsKey(ImportField.NameEn))
            problems.Add(new(1, ImportField.NameZh, "Choose the column that holds the firm's name."));
        if (!mapping.ContainsKey(ImportField.Park))
            problems.Add(new(1, ImportField.Park, "Choose the column that holds the park."));
        if (problems.Count > 0) return new([], problems);

        var firms = new List<ImportedFirm>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var number = i + 2;
            if (row.All(string.IsNullOrWhiteSpace)) continue;
            string? Cell(ImportField f) => mapping.TryGetValue(f, out var c) && c < row.Count && !string.IsNullOrWhiteSpace(row[c]) ? row[c].Trim() : null;
            var before = problems.Count;
            void Problem(ImportField f, string code) => problems.Add(new(number, f, code, Cell(f)));

            var nameZh = Cell(ImportField.NameZh);
            var nameEn = Cell(ImportField.NameEn);

            var parkText = Cell(ImportField.Park);
            var park = FindPark(parks, parkText);
            if (parkText is null) Problem(ImportField.Park, "Missing park.");
            else if (park is null) Problem(ImportField.Park, "Unknown park.");

            var subsectorText = Cell(ImportField.Subsector);
            var subsector = FindSubsector(subsectors, subsectorText);
            if (subsectorText is not null && subsector is null) Problem(ImportField.Subsector, "Unknown subsector.");

            // A year cell that is no number at all breaks the same rule as one out of range.
            var yearText = Cell(ImportField.FoundedYear);
            int? year = yearText is null ? null : FirmRules.ParseYear(yearText) ?? 0;
            var website = Cell(ImportField.Website);
            foreach (var p in FirmRules.Check(nameZh, nameEn, year, website, currentYear))
                Problem(p.Field switch { FirmField.Name => ImportField.NameZh, FirmField.FoundedYear => ImportField.FoundedYear, _ => ImportField.Website }, p.Code);

            var phones = Phones.Split(Cell(ImportField.Phone));
            if (phones.Any(p => !Phones.IsValid(p))) Problem(ImportField.Phone, "Bad phone number.");
            var email = Cell(ImportField.Email);
            if (email is not null && !Email().IsMatch(email)) Problem(ImportField.Email, "Bad e-mail address.");
            // Phones or an e-mail without a name are the firm's switchboard and are kept (see Contact); only a
            // title on its own says nothing anyone could use.
            var contactName = Cell(ImportField.ContactName);
            if (contactName is null && Cell(ImportField.ContactTitle) is not null && Contact.NeedsName(phones, email))
                Problem(ImportField.ContactName, "A contact title without a contact name or phone number.");

            if (problems.Count > before) continue;
            firms.Add(new ImportedFirm(number, FirmRules.StoredNameZh(nameZh, nameEn), nameEn, park!.Id, Cell(ImportField.Address), subsector?.Code, year,
                Cell(ImportField.SizeBand), website, Cell(ImportField.Notes), contactName, Cell(ImportField.ContactTitle), phones, email));
        }
        return new(firms, problems);
    }

    public static ImportPark? FindPark(IReadOnlyList<ImportPark> parks, string? text)
    {
        var key = Duplicates.NameKey(text);
        if (key.Length == 0) return null;
        return parks.FirstOrDefault(p => Duplicates.NameKey(p.Code) == key || Duplicates.NameKey(p.NameEn) == key || Duplicates.NameKey(p.NameZh) == key)
            ?? parks.FirstOrDefault(p => ShortNames(p).Contains(key));
    }

    // "Beijing Economic & Technology Developing Area (Yizhuang Park)" is also "Yizhuang Park"; "…（亦庄）" also "亦庄".
    static IEnumerable<string> ShortNames(ImportPark p) =>
        new[] { p.NameEn, p.NameZh }.SelectMany(n => Bracketed().Matches(n).Select(m => Duplicates.NameKey(m.Groups[1].Value)));

    static ImportSubsector? FindSubsector(IReadOnlyList<ImportSubsector> subsectors, string? text)
    {
        var key = Duplicates.NameKey(text);
        return key.Length == 0 ? null : subsectors.FirstOrDefault(s =>
            Duplicates.NameKey(s.Code) == key || Duplicates.NameKey(s.NameEn) == key || Duplicates.NameKey(s.NameZh) == key);
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"[（(]([^）)]+)[）)]")]
    private static partial Regex Bracketed();
}
