using System.Globalization;

namespace FieldSurvey.Core.Firms;

/// <summary>The firm fields a rule speaks of; the edit page and the import map them to their own inputs and columns.</summary>
public enum FirmField
{
    Name = 0,
    FoundedYear = 1,
    Website = 2,
}

/// <summary>A broken rule: the field and an English sentence the page looks up in the string table.</summary>
public sealed record FirmProblem(FirmField Field, string Code);

/// <summary>
/// One rule per firm field, shared by the firm edit page and the frame import, so a firm the one accepts the
/// other accepts too. Values arrive trimmed, blank as null.
/// </summary>
public static class FirmRules
{
    public const int FirstFoundedYear = 1800;
    public const int MaxNameLength = 300;
    public const int MaxWebsiteLength = 300;

    public const string MissingName = "Enter the Chinese or the English name.";
    public const string NameTooLong = "A name can have at most 300 characters.";
    public const string BadYear = "Enter a year from 1800 to this year.";
    public const string BadWebsite = "Enter a web address such as https://example.com or example.com.";

    /// <summary>
    /// Names: at least one of the two, since frames of foreign-invested firms often list only the English name.
    /// Founded year: 1800 (the oldest firms in Beijing's parks are younger) up to <paramref name="currentYear"/>,
    /// from the injected clock, because a firm cannot be founded in the future. Website: see <see cref="IsWebsite"/>.
    /// </summary>
    public static IEnumerable<FirmProblem> Check(string? nameZh, string? nameEn, int? foundedYear, string? website, int currentYear)
    {
        if (string.IsNullOrWhiteSpace(nameZh) && string.IsNullOrWhiteSpace(nameEn)) yield return new(FirmField.Name, MissingName);
        else if (nameZh?.Length > MaxNameLength || nameEn?.Length > MaxNameLength) yield return new(FirmField.Name, NameTooLong);
        if (foundedYear is { } y && !IsFoundedYear(y, currentYear)) yield return new(FirmField.FoundedYear, BadYear);
        if (!string.IsNullOrWhiteSpace(website) && !IsWebsite(website)) yield return new(FirmField.Website, BadWebsite);
    }

    public static bool IsFoundedYear(int year, int currentYear) => year >= FirstFoundedYear && year <= currentYear;

    /// <summary>A year as frames write it: "2003" or "2003年". Null when the text is no year at all (the range is <see cref="Check"/>'s).</summary>
    public static int? ParseYear(string text) =>
        int.TryParse(text.Trim().TrimEnd('年'), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;

    /// <summary>
    /// An http(s) address or a bare host with an optional path ("www.example.com.cn/about"), as frames and people
    /// write them; the host needs a dot, so a name or a phone number typed into the field is caught.
    /// </summary>
    public static bool IsWebsite(string website)
    {
        var text = website.Trim();
        if (text.Length > MaxWebsiteLength || text.Any(char.IsWhiteSpace)) return false;
        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        return Uri.TryCreate(withScheme, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Host.Contains('.', StringComparison.Ordinal) && !uri.Host.StartsWith('.') && !uri.Host.EndsWith('.')
            && uri.HostNameType is UriHostNameType.Dns or UriHostNameType.IPv4;
    }

    /// <summary>
    /// What the required Chinese-name column holds: the Chinese name, or the English one when the firm has none
    /// (lists sort and search by this column, and a blank there would sort every such firm first).
    /// </summary>
    public static string StoredNameZh(string? nameZh, string? nameEn) =>
        (string.IsNullOrWhiteSpace(nameZh) ? nameEn : nameZh)?.Trim() ?? "";
}
