using System.Text;
using System.Text.RegularExpressions;

namespace FieldSurvey.Core.Firms;

/// <summary>Telephone numbers as people type them: "+86 10 8070 1001", "010-80701001", "138 0000 1004".</summary>
public static partial class Phones
{
    static readonly char[] Separators = [';', ',', '/', '、', '；', '，', '\n', '\r', '|'];

    /// <summary>Several numbers in one cell or field.</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] :
        text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// The digits that identify a Chinese number whatever way it was written, for finding duplicates:
    /// digits only (full-width digits too), without the country code 86 (as +86 or 0086) and without
    /// the trunk prefix 0 of an area code, so "+86 10 8070 1001" and "010-8070-1001" are the same number.
    /// </summary>
    public static string Normalize(string? phone)
    {
        var digits = new StringBuilder();
        foreach (var ch in (phone ?? "").Normalize(NormalizationForm.FormKC))
            if (ch is >= '0' and <= '9') digits.Append(ch);
        var d = digits.ToString();
        if (d.StartsWith("0086", StringComparison.Ordinal)) d = d[4..];
        else if (d.StartsWith("86", StringComparison.Ordinal) && d.Length >= 12) d = d[2..];
        return d.TrimStart('0');
    }

    /// <summary>
    /// Plausible as a telephone number: only digits, spaces, +, -, ., parentheses and an extension
    /// ("ext"/"x"/"转"), and 7 to 15 digits (E.164's longest).
    /// </summary>
    public static bool IsValid(string phone)
    {
        var main = Extension().Replace(phone.Normalize(NormalizationForm.FormKC).Trim(), "");
        if (!Allowed().IsMatch(main)) return false;
        var count = main.Count(char.IsAsciiDigit);
        return count is >= 7 and <= 15;
    }

    [GeneratedRegex(@"\s*(?:ext\.?|x|转)\s*\d{1,6}$", RegexOptions.IgnoreCase)]
    private static partial Regex Extension();

    [GeneratedRegex(@"^\+?[0-9 ().\-]+$")]
    private static partial Regex Allowed();
}
