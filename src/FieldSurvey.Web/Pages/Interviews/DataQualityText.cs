using System.Text.Json;
using FieldSurvey.Core.Interviews;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Interviews;

/// <summary>
/// Words for the data-quality codes Core returns: findings, rule-text errors and query steps. One table, so the capture
/// page, the report and the query pages say the same thing; every template is an English key of the string table.
/// </summary>
public static class DataQualityText
{
    static readonly Dictionary<string, string> Findings = new()
    {
        ["dq-required"] = "An answer is required, or record why it is blank (refused, don't know, not applicable).",
        ["dq-out-of-range"] = "Must be between {0} and {1}.",
        ["dq-scale-range"] = "Choose a value from {0} to {1}.",
        ["dq-split-sum"] = "Adds up to {0}, must be 100.",
        ["dq-split-part-range"] = "Each share must be between 0 and 100.",
        ["dq-not-above"] = "{0} ({1}) is more than {2} ({3}).",
        ["dq-outlier"] = "{0} is more than 3 SD from the mean of the other interviews ({1}, SD {2}, n = {3}).",
    };

    static readonly Dictionary<string, string> Rules = new()
    {
        ["required"] = "Required answer missing", ["range"] = "Value out of range", ["split-sum"] = "Percentages not adding to 100",
        ["not-above"] = "Part above its total", ["outlier"] = "Outlier beyond 3 SD", ["invalid"] = "Unreadable answer",
    };

    static readonly Dictionary<string, string> Errors = new()
    {
        ["dq-syntax"] = "Position {0}: \"{1}\" is not expected here.",
        ["dq-syntax-end"] = "Position {0}: the rule ends too early.",
        ["dq-unterminated-text"] = "Position {0}: the quoted text is not closed.",
        ["dq-bad-character"] = "Position {0}: the character \"{1}\" is not allowed.",
        ["dq-unknown-question"] = "Position {0}: there is no question {1} in the current guide.",
        ["dq-not-a-split"] = "Position {0}: {1} is not a split question, so it has no parts.",
        ["dq-unknown-part"] = "Position {0}: \"{1}\" is not a part of {2}.",
        ["dq-unknown-option"] = "Position {0}: \"{1}\" is not an option of {2}.",
        ["dq-type"] = "Position {0}: expected {1}, found {2}.",
        ["dq-text-order"] = "Position {0}: text can only be compared with = or !=, not {1}.",
        ["dq-use-has"] = "Position {0}: a multiple-choice answer holds several codes; use has(question, \"code\").",
        ["dq-unknown-function"] = "Position {0}: there is no function {1} (known: empty, has, count, sum).",
        ["dq-argument-count"] = "Position {0}: {1} takes {2} argument(s).",
        ["dq-needs-question"] = "Position {0}: {1} needs a question id.",
        ["dq-not-a-condition"] = "Position {0}: the rule must be a condition (a comparison, empty(), has()), not {1}.",
    };

    static readonly Dictionary<string, string> Types = new()
    {
        ["number"] = "a number", ["text"] = "a text", ["bool"] = "a condition", ["codes"] = "a multiple choice",
        ["split"] = "a split", ["list"] = "a partner list", ["choice"] = "a choice question", ["multiple"] = "a multiple choice",
    };

    static readonly Dictionary<string, string> Steps = new()
    {
        ["query-not-yours"] = "Only the interviewer of this interview can answer this query.",
        ["query-not-open"] = "This query is not open, so it cannot be answered now.",
        ["query-needs-text"] = "Write a reply.",
        ["query-pi-only"] = "Only a PI can do this.",
        ["query-not-answered"] = "Only an answered query can be sent back to the interviewer.",
        ["query-done"] = "This query is already closed.",
        ["query-unknown-step"] = "Unknown action.",
    };

    /// <summary>A finding's message; a PI rule's own message in the reader's language.</summary>
    public static string Finding(IStringLocalizer t, string code, IReadOnlyList<object> args, DataQualityRule? rule, bool chinese) =>
        code == "dq-rule" ? rule?.Message(chinese) ?? "" : t[Findings.GetValueOrDefault(code, "This answer could not be read."), args.ToArray()];

    public static string Finding(IStringLocalizer t, DataQualityFinding f, IReadOnlyDictionary<int, DataQualityRule> rules, bool chinese) =>
        Finding(t, f.MessageCode, f.Args, f.RuleId is { } id ? rules.GetValueOrDefault(id) : null, chinese);

    /// <summary>A finding kept on a query: its arguments as stored (strings).</summary>
    public static string Finding(IStringLocalizer t, DataQuery q, DataQualityRule? rule, bool chinese) =>
        Finding(t, q.MessageCode, JsonSerializer.Deserialize<List<string>>(q.ArgsJson)?.Cast<object>().ToList() ?? [], rule, chinese);

    public static string ArgsJson(DataQualityFinding f) =>
        JsonSerializer.Serialize(f.Args.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList());

    /// <summary>The English key naming a rule in the report's filter and table.</summary>
    public static string RuleName(string rule) => Rules.GetValueOrDefault(rule, "PI rule");

    /// <summary>A rule-text error, with its position counted from 1 for people.</summary>
    public static string Error(IStringLocalizer t, ExpressionError e) =>
        t[Errors.GetValueOrDefault(e.Code, "Position {0}: \"{1}\" is not expected here."),
          [e.Position + 1, .. e.Args.Select(a => a is string s && Types.TryGetValue(s, out var word) ? (object)t[word].Value : a)]];

    public static string Step(IStringLocalizer t, string code) => t[Steps.GetValueOrDefault(code, "Unknown action.")];

    /// <summary>Every English key this table can ask for (the translation test walks them; pages only show what today's data raises).</summary>
    public static IEnumerable<string> Keys =>
        Findings.Values.Concat(Rules.Values).Concat(Errors.Values).Concat(Types.Values).Concat(Steps.Values)
            .Concat(Enum.GetValues<DataQueryStatus>().Select(Status)).Concat(Enum.GetValues<DataQueryStep>().Select(StepName))
            .Append("PI rule").Append("This answer could not be read.").Distinct();

    public static string Status(DataQueryStatus s) => s switch
    {
        DataQueryStatus.Open => "Awaiting reply",
        DataQueryStatus.Answered => "Answered",
        DataQueryStatus.Closed => "Closed",
        _ => "Verified correct",
    };

    public static string StepName(DataQueryStep s) => s switch
    {
        DataQueryStep.Raise => "Raised",
        DataQueryStep.Answer => "Answered",
        DataQueryStep.Reopen => "Sent back",
        DataQueryStep.Close => "Closed",
        _ => "Verified correct",
    };
}
