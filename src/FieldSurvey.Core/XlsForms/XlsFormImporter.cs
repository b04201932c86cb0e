using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FieldSurvey.Core.Interviews;

namespace FieldSurvey.Core.XlsForms;

/// <summary>
/// An XLSForm (survey, choices and settings sheets) mapped onto the guide model; docs/xlsform.md has the table.
/// Errors stop the import (no guide); constructs the guide cannot hold are imported without them and listed by
/// sheet and row, so the PI sees in the preview exactly what was left out. Pure: the page reads the cells.
/// </summary>
public static partial class XlsFormImporter
{
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.-]*$")]
    private static partial Regex Name();

    [GeneratedRegex(@"^select[_ ](one|multiple) (?!from[_ ]file)(\S+)( or[_ ]other)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Select();

    sealed class Header(XlsTable table, List<XlsFormIssue> notImported)
    {
        readonly Dictionary<string, int> columns = Read(table, notImported);
        public string Sheet => table.Name;
        public int? Index(string name) => columns.TryGetValue(name, out var i) ? i : null;
        public string Get(XlsRow row, string name) => Index(name) is { } i ? row.Cell(i) : "";
        public string Where(string name) => Index(name) is { } i ? $"{XlsColumns.Letter(i)} ({table.Rows[0].Cell(i)})" : name;

        /// <summary>Column names, with language columns folded to name::en / name::zh (label::English (en), label::zh, …).</summary>
        static Dictionary<string, int> Read(XlsTable table, List<XlsFormIssue> notImported)
        {
            var map = new Dictionary<string, int>(StringComparer.Ordinal);
            if (table.Rows.Count == 0) return map;
            var header = table.Rows[0];
            for (var i = 0; i < header.Cells.Count; i++)
            {
                var raw = header.Cell(i);
                if (raw.Length == 0) continue;
                var parts = raw.Split("::", 2);
                var name = parts[0].Trim().ToLowerInvariant();
                if (parts.Length == 2)
                {
                    if (Language(parts[1]) is { } lang) name = $"{name}::{lang}";
                    else { notImported.Add(new(table.Name, header.Number, $"{XlsColumns.Letter(i)} ({raw})", "The guide has English and Chinese only; the column {0} is not imported.", raw)); continue; }
                }
                else if (name is "label" or "hint" or "constraint_message" or "form_title") name += "::default";
                map.TryAdd(name, i);
            }
            // A plain label (the form's default language) is English unless an English column is there too.
            foreach (var key in map.Keys.Where(k => k.EndsWith("::default", StringComparison.Ordinal)).ToList())
                map.TryAdd(key.Replace("::default", "::en", StringComparison.Ordinal), map[key]);
            return map;
        }

        static string? Language(string language)
        {
            var l = language.Trim().ToLowerInvariant();
            if (l is "english" or "en" or "english (en)" or "en-gb" or "en-us") return "en";
            if (l is "chinese" or "zh" or "chinese (zh)" or "zh-hans" or "zh-cn" or "chinese (zh-hans)" or "chinese (zh-cn)" or "中文" or "简体中文") return "zh";
            return null;
        }
    }

    public static XlsFormImport Import(IReadOnlyList<XlsTable> sheets, IReadOnlyCollection<string>? termKinds = null)
    {
        var errors = new List<XlsFormIssue>();
        var notImported = new List<XlsFormIssue>();
        XlsTable? Sheet(string name) => sheets.FirstOrDefault(s => string.Equals(s.Name.Trim(), name, StringComparison.OrdinalIgnoreCase));
        if (Sheet("survey") is not { Rows.Count: > 0 } surveySheet)
            return new(null, [new("survey", 1, null, "The workbook has no survey sheet (or it is empty).")], []);

        var titles = Titles(Sheet("settings"), errors, notImported);
        var lists = Choices(Sheet("choices"), errors, notImported);
        var survey = new Header(surveySheet, notImported);
        var headerProblems = errors.Count;
        foreach (var needed in new[] { "type", "name", "label::en", "label::zh" })
            if (survey.Index(needed) is null)
                errors.Add(new(survey.Sheet, surveySheet.Rows[0].Number, null, "The survey sheet has no {0} column.",
                    needed switch { "label::en" => "label::English", "label::zh" => "label::Chinese", _ => needed }));
        if (errors.Count > headerProblems) return new(null, errors, notImported);

        var rows = new Dictionary<string, int>(StringComparer.Ordinal);   // question id → row, for the guide's own checks
        var sections = new List<GuideSection>();
        (string Id, string En, string Zh, int Row)? section = null;
        var questions = new List<GuideQuestion>();
        var groupDepth = 0;
        XlsRow? repeat = null;

        void Close()
        {
            if (questions.Count > 0 || section is not null)
            {
                var s = section ?? ($"S{sections.Count + 1}", titles.En, titles.Zh, 0);
                sections.Add(new GuideSection(s.Id, s.En, s.Zh, [.. questions]));
            }
            questions.Clear();
            section = null;
        }

        foreach (var row in surveySheet.Rows.Skip(1).Where(r => !r.IsEmpty))
        {
            var rawType = Regex.Replace(survey.Get(row, "type"), @"\s+", " ");
            // Keywords are case- and underscore-insensitive (select_one, begin_group); a choice list's name is kept as written.
            var type = Select().Match(rawType) is { Success: true } m
                ? $"select {m.Groups[1].Value.ToLowerInvariant()} {m.Groups[2].Value}{(m.Groups[3].Success ? " or other" : "")}"
                : rawType.ToLowerInvariant().Replace('_', ' ');
            void Error(string column, string message, params object[] args) => errors.Add(new(survey.Sheet, row.Number, survey.Where(column), message, args));
            void Skip(string column, string message, params object[] args) => notImported.Add(new(survey.Sheet, row.Number, survey.Where(column), message, args));

            if (repeat is not null && type != "end repeat")
            {
                Skip("type", "Inside a repeat: a repeat is a partner list with its own fields (partner, kind, location, since, activity); this row is not imported.");
                continue;
            }
            switch (type)
            {
                case "begin group":
                    if (groupDepth++ > 0) { Skip("type", "A group inside a group: its questions join the outer group (section)."); continue; }
                    Close();
                    var (id, en, zh) = (survey.Get(row, "name"), survey.Get(row, "label::en"), survey.Get(row, "label::zh"));
                    if (!Name().IsMatch(id)) Error("name", "A group needs a name (letters, digits, _ . -, not starting with a digit).");
                    if (en.Length == 0) Error("label::en", "The group needs an English label.");
                    if (zh.Length == 0) Error("label::zh", "The group needs a Chinese label.");
                    if (survey.Get(row, "relevant").Length > 0) Skip("relevant", "A group's relevant is not imported: the guide's sections are always shown.");
                    section = (id, en, zh, row.Number);
                    continue;
                case "end group":
                    if (groupDepth == 0) { Error("type", "end group without a begin group."); continue; }
                    if (--groupDepth == 0) Close();
                    continue;
                case "begin repeat":
                    repeat = row;
                    break;
                case "end repeat":
                    if (repeat is null) Error("type", "end repeat without a begin repeat.");
                    repeat = null;
                    continue;
            }
            if (Question(row, type, survey, lists, Error, Skip) is not { } question) continue;
            if (!rows.TryAdd(question.Id, row.Number)) { Error("name", "The name {0} is used twice.", question.Id); continue; }
            questions.Add(question);
        }
        if (repeat is not null) errors.Add(new(survey.Sheet, repeat.Number, survey.Where("type"), "begin repeat without an end repeat."));
        if (groupDepth > 0 && section is { } open) errors.Add(new(survey.Sheet, open.Row, survey.Where("type"), "begin group without an end group."));
        Close();
        if (errors.Count > 0) return new(null, errors, notImported);

        // The guide's own checks (show-if to an earlier choice question, option codes, vocabularies), placed at the question's row.
        var guide = new Guide(titles.En, titles.Zh, sections);
        var parsed = GuideParser.Parse(JsonSerializer.Serialize(guide, GuideJson.Options), termKinds);
        foreach (var p in parsed.Problems)
        {
            var id = p.Args.FirstOrDefault() as string;
            errors.Add(id is not null && rows.TryGetValue(id, out var at)
                ? new(survey.Sheet, at, null, p.Message, p.Args)
                : new(p.Where.StartsWith("title", StringComparison.Ordinal) ? "settings" : survey.Sheet, p.Where.StartsWith("title", StringComparison.Ordinal) ? 2 : 1, null, p.Message, p.Args));
        }
        return errors.Count > 0 ? new(null, errors, notImported) : new(guide, [], notImported);
    }

    static GuideQuestion? Question(XlsRow row, string type, Header survey, Dictionary<string, List<GuideOption>> lists,
        Action<string, string, object[]> error, Action<string, string, object[]> skip)
    {
        var words = type.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var appearance = survey.Get(row, "appearance").ToLowerInvariant();
        var optionsFrom = NullIfEmpty(survey.Get(row, "options_from"));
        var partsFrom = NullIfEmpty(survey.Get(row, "parts_from"));
        string? kind = null;
        List<GuideOption>? options = null;
        var other = false;
        switch (words.FirstOrDefault())
        {
            case "text": kind = partsFrom is not null || appearance.Contains("split", StringComparison.Ordinal) ? "split" : appearance.Contains("multiline", StringComparison.Ordinal) ? "longtext" : "text"; break;
            case "integer": case "decimal": case "date": kind = words[0]; break;
            case "range": kind = "scale"; break;
            case "begin": kind = "partners"; break;
            case "select" when words.Length >= 3 && words[1] is "one" or "multiple" && words[2] == "from":
                skip("type", "The type {0} is not supported; the row is not imported.", [type]); return null;
            case "select" when words.Length >= 3 && words[1] is "one" or "multiple":
                kind = appearance.Contains("split", StringComparison.Ordinal) ? "split" : words[1] == "one" ? "single" : "multiple";
                var list = words[2];
                other = words.Length == 5 && words[3] == "or" && words[4] == "other";
                if (words.Length > 3 && !other) { error("type", "Unknown type \"{0}\".", [type]); return null; }
                if (lists.TryGetValue(list, out var found)) options = found;
                else if (optionsFrom is null && partsFrom is null) { error("type", "The choice list {0} is not on the choices sheet.", [list]); return null; }
                break;
            case "note": skip("type", "A note has no answer; the guide has no notes, so it is not imported.", []); return null;
            case "": error("type", "The row has no type.", []); return null;
            case "calculate" or "geopoint" or "geotrace" or "geoshape" or "image" or "audio" or "video" or "file" or "barcode" or "time" or "datetime"
                or "acknowledge" or "hidden" or "start" or "end" or "today" or "deviceid" or "username" or "phonenumber" or "email" or "audit" or "rank" or "trigger":
                skip("type", "The type {0} is not supported; the row is not imported.", [words[0]]); return null;
            default: error("type", "Unknown type \"{0}\".", [type]); return null;
        }
        if (kind is null) { error("type", "Unknown type \"{0}\".", [type]); return null; }

        var id = survey.Get(row, "name");
        if (!Name().IsMatch(id)) { error("name", "A question needs a name (letters, digits, _ . -, not starting with a digit).", []); return null; }
        var (en, zh) = (survey.Get(row, "label::en"), survey.Get(row, "label::zh"));
        if (en.Length == 0) error("label::en", "Question {0} needs an English label.", [id]);
        if (zh.Length == 0) error("label::zh", "Question {0} needs a Chinese label.", [id]);

        var required = survey.Get(row, "required").ToLowerInvariant();
        var isRequired = required is "yes" or "true" or "true()" or "1" or "y";
        if (!isRequired && required is not ("" or "no" or "false" or "false()" or "0" or "n"))
            skip("required", "required \"{0}\" is an expression; the question is imported as not required.", [required]);

        ShowIf? showIf = null;
        if (survey.Get(row, "relevant") is { Length: > 0 } relevant && (showIf = XlsFormExpressions.Relevant(relevant)) is null)
            skip("relevant", "relevant \"{0}\" cannot be a show-if (one earlier choice question and its codes); the question is always asked.", [relevant]);

        decimal? min = null, max = null;
        if (kind == "scale") (min, max) = RangeParameters(survey.Get(row, "parameters"));
        if (survey.Get(row, "constraint") is { Length: > 0 } constraint)
        {
            if (XlsFormExpressions.Constraint(constraint, kind is "integer" or "scale") is { } bounds) (min, max) = (bounds.Min ?? min, bounds.Max ?? max);
            else skip("constraint", "constraint \"{0}\" is not a range of . (such as . >= 0 and . <= 100); it is not imported.", [constraint]);
        }
        if (survey.Get(row, "constraint_message::en").Length + survey.Get(row, "constraint_message::zh").Length > 0)
            skip("constraint_message::en", "The guide shows its own message for an answer out of range; constraint_message is not imported.", []);

        return new GuideQuestion(id, kind, en, zh)
        {
            InstructionEn = NullIfEmpty(survey.Get(row, "hint::en")), InstructionZh = NullIfEmpty(survey.Get(row, "hint::zh")),
            Required = isRequired, Min = min, Max = max, Unit = NullIfEmpty(survey.Get(row, "unit")),
            Options = optionsFrom is null && partsFrom is null ? options : options is { Count: > 0 } ? options : null,
            OptionsFrom = kind == "split" ? null : optionsFrom, PartsFrom = kind == "split" ? partsFrom ?? (options is null ? optionsFrom : null) : null,
            Other = other, ShowIf = showIf, LinkageType = kind == "partners" ? NullIfEmpty(survey.Get(row, "linkage_type")) : null,
            // Which park a relation question (F1–F3) asks about: the report's survey indicators read it (issue 19).
            AboutPark = NullIfEmpty(survey.Get(row, "about_park")),
            // The number this one may not exceed (R&D staff within total staff): the data-quality checks read it (issue 24).
            NotAbove = NullIfEmpty(survey.Get(row, "not_above")),
        };
    }

    static (decimal? Min, decimal? Max) RangeParameters(string parameters)
    {
        decimal? Value(string key) => Regex.Match(parameters, key + @"\s*=\s*(-?[\d.]+)") is { Success: true } m
            && decimal.TryParse(m.Groups[1].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;
        // XLSForm's range defaults: start=1 end=10.
        return (Value("start") ?? 1, Value("end") ?? 10);
    }

    static Dictionary<string, List<GuideOption>> Choices(XlsTable? sheet, List<XlsFormIssue> errors, List<XlsFormIssue> notImported)
    {
        var lists = new Dictionary<string, List<GuideOption>>(StringComparer.Ordinal);
        if (sheet is not { Rows.Count: > 0 }) return lists;
        var h = new Header(sheet, notImported);
        foreach (var row in sheet.Rows.Skip(1).Where(r => !r.IsEmpty))
        {
            var (list, name, en, zh) = (h.Get(row, "list_name"), h.Get(row, "name"), h.Get(row, "label::en"), h.Get(row, "label::zh"));
            void Error(string column, string message, params object[] args) => errors.Add(new(sheet.Name, row.Number, h.Where(column), message, args));
            if (list.Length == 0) { Error("list_name", "The choice has no list_name."); continue; }
            if (name.Length == 0) { Error("name", "A choice of list {0} has no name.", list); continue; }
            if (en.Length == 0) Error("label::en", "Choice {0} of list {1} needs an English label.", name, list);
            if (zh.Length == 0) Error("label::zh", "Choice {0} of list {1} needs a Chinese label.", name, list);
            var options = lists.TryGetValue(list, out var l) ? l : lists[list] = [];
            if (options.Any(o => o.Code == name)) Error("name", "List {0} has the choice {1} twice.", list, name);
            else options.Add(new GuideOption(name, en, zh));
        }
        return lists;
    }

    static (string En, string Zh) Titles(XlsTable? sheet, List<XlsFormIssue> errors, List<XlsFormIssue> notImported)
    {
        if (sheet is not { Rows.Count: > 1 })
        {
            errors.Add(new("settings", 1, null, "The workbook needs a settings sheet with form_title and form_title::Chinese."));
            return ("", "");
        }
        var h = new Header(sheet, notImported);
        var row = sheet.Rows[1];
        var (en, zh) = (h.Get(row, "form_title::en"), h.Get(row, "form_title::zh"));
        if (en.Length == 0) errors.Add(new(sheet.Name, row.Number, h.Where("form_title::en"), "The settings sheet needs the English title (form_title)."));
        if (zh.Length == 0) errors.Add(new(sheet.Name, row.Number, h.Where("form_title::zh"), "The settings sheet needs the Chinese title (form_title::Chinese)."));
        return (en, zh);
    }

    static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}

/// <summary>How a guide is written as JSON (the form seed/guide.json and the guide editor use).</summary>
public static class GuideJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
