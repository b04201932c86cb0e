using System.Globalization;
using System.Text.Json;

namespace FieldSurvey.Core.Interviews;

/// <summary>
/// The stored form of answers, which reports and the demo data read: numbers as invariant-culture strings,
/// single = option code or "other:&lt;text&gt;", multiple = JSON array of codes, split = JSON object
/// {partCode: number}, date = yyyy-MM-dd, text as typed.
/// </summary>
public static class AnswerFormat
{
    public const string OtherPrefix = "other:";

    /// <summary>The option codes an answer holds ("other" for an other-specify answer); empty for non-choice answers.</summary>
    public static IReadOnlyList<string> Codes(QuestionType type, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return [];
        return type switch
        {
            QuestionType.Single => [Code(value)],
            QuestionType.Multiple => (Multiple(value) ?? []).Select(Code).ToList(),
            _ => [],
        };
    }

    static string Code(string value) => value.StartsWith(OtherPrefix, StringComparison.Ordinal) ? "other" : value;

    /// <summary>The text after "other:", or null.</summary>
    public static string? OtherText(string? value) =>
        value?.StartsWith(OtherPrefix, StringComparison.Ordinal) == true ? value[OtherPrefix.Length..] : null;

    public static IReadOnlyList<string>? Multiple(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return [];
        try { return JsonSerializer.Deserialize<List<string>>(value); }
        catch (JsonException) { return null; }
    }

    public static IReadOnlyDictionary<string, decimal>? Split(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return new Dictionary<string, decimal>();
        try { return JsonSerializer.Deserialize<Dictionary<string, decimal>>(value); }
        catch (JsonException) { return null; }
    }

    public static bool TryNumber(string value, out decimal number) =>
        decimal.TryParse(value.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
}

/// <summary>A problem with one answer: a stable code, an English message template and its arguments.</summary>
public sealed record AnswerProblem(string Code, string Message, params object[] Args);

public static class AnswerRules
{
    public const decimal SplitTotal = 100m;

    /// <summary>
    /// Checks one answer against its question. <paramref name="options"/> are the question's resolved
    /// options (from the guide or its vocabulary) and, for split questions, its parts. A required
    /// question may stay blank when a <see cref="BlankReason"/> says why.
    /// </summary>
    public static IReadOnlyList<AnswerProblem> Check(GuideQuestion question, string? value, BlankReason? blank,
        IReadOnlyList<GuideOption> options)
    {
        if (string.IsNullOrWhiteSpace(value))
            return question.Required && blank is null && question.Kind != QuestionType.Partners
                ? [new("required", "An answer is required, or record why it is blank (refused, don't know, not applicable).")]
                : [];
        var v = value.Trim();
        return question.Kind switch
        {
            QuestionType.Integer => Number(question, v, whole: true),
            QuestionType.Decimal => Number(question, v, whole: false),
            QuestionType.Scale => Scale(question, v),
            QuestionType.Date => DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? [] : [new("invalid-date", "Enter a valid date (yyyy-mm-dd).")],
            QuestionType.Single => Choice(question, [v], options),
            QuestionType.Multiple => AnswerFormat.Multiple(v) is { } codes
                ? Choice(question, codes, options) : [new("invalid-format", "This answer could not be read.")],
            QuestionType.Split => Split(v, options),
            _ => [],
        };
    }

    static IReadOnlyList<AnswerProblem> Number(GuideQuestion q, string v, bool whole)
    {
        if (!AnswerFormat.TryNumber(v, out var n)) return [new("not-a-number", "Enter a number.")];
        if (whole && n != decimal.Truncate(n)) return [new("not-whole", "Enter a whole number.")];
        return Range(q, n);
    }

    static IReadOnlyList<AnswerProblem> Range(GuideQuestion q, decimal n) =>
        (q.Min is { } min && n < min) || (q.Max is { } max && n > max)
            ? [new("out-of-range", "Must be between {0} and {1}.", Show(q.Min), Show(q.Max))] : [];

    static IReadOnlyList<AnswerProblem> Scale(GuideQuestion q, string v)
    {
        var (min, max) = (q.Min ?? 1, q.Max ?? 5);
        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? [] : [new("scale-range", "Choose a value from {0} to {1}.", Show(min), Show(max))];
    }

    static IReadOnlyList<AnswerProblem> Choice(GuideQuestion q, IReadOnlyList<string> values, IReadOnlyList<GuideOption> options)
    {
        var problems = new List<AnswerProblem>();
        if (q.Kind == QuestionType.Multiple && values.Distinct().Count() != values.Count)
            problems.Add(new("duplicate-option", "An option is chosen twice."));
        foreach (var value in values)
        {
            if (AnswerFormat.OtherText(value) is { } other)
            {
                if (!q.Other) problems.Add(new("other-not-allowed", "This question has no \"other\" answer."));
                else if (string.IsNullOrWhiteSpace(other)) problems.Add(new("other-text-missing", "Say what the \"other\" answer is."));
            }
            else if (value == "other" && q.Other) problems.Add(new("other-text-missing", "Say what the \"other\" answer is."));
            else if (options.All(o => o.Code != value)) problems.Add(new("unknown-option", "\"{0}\" is not one of the options.", value));
        }
        return problems;
    }

    static IReadOnlyList<AnswerProblem> Split(string v, IReadOnlyList<GuideOption> parts)
    {
        if (AnswerFormat.Split(v) is not { } split) return [new("invalid-format", "This answer could not be read.")];
        if (split.Keys.FirstOrDefault(k => parts.All(p => p.Code != k)) is { } unknown)
            return [new("unknown-part", "\"{0}\" is not one of the parts.", unknown)];
        if (split.Values.Any(x => x < 0 || x > SplitTotal)) return [new("split-part-range", "Each share must be between 0 and 100.")];
        var sum = split.Values.Sum();
        return sum == SplitTotal ? [] : [new("split-sum", "Adds up to {0}, must be 100.", Show(sum))];
    }

    static string Show(decimal? n) => n?.ToString("0.##", CultureInfo.InvariantCulture) ?? "…";
}

/// <summary>Checks one row of a partner list before it is saved.</summary>
public static class PartnerRules
{
    public sealed record Row(string? PartnerName, int? PartnerKindId, int? PartnerLocationId, int? SinceYear);

    public static IReadOnlyList<AnswerProblem> Check(Row row, int currentYear)
    {
        var problems = new List<AnswerProblem>();
        if (string.IsNullOrWhiteSpace(row.PartnerName)) problems.Add(new("partner-name", "Enter the partner's name."));
        else if (row.PartnerName.Length > 300) problems.Add(new("partner-name-long", "The name is longer than 300 characters."));
        if (row.SinceYear is { } y && (y < 1900 || y > currentYear))
            problems.Add(new("since-year", "The year must be between {0} and {1}.", 1900, currentYear));
        return problems;
    }
}
