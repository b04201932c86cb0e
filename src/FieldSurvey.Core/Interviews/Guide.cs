using System.Text.Json;
using System.Text.Json.Serialization;

namespace FieldSurvey.Core.Interviews;

/// <summary>The interview guide as published in a <see cref="GuideVersion"/> (seed/guide.json has the schema).</summary>
public sealed record Guide(string TitleEn, string TitleZh, IReadOnlyList<GuideSection> Sections)
{
    [JsonIgnore] public IEnumerable<GuideQuestion> Questions => Sections.SelectMany(s => s.Questions);

    public GuideQuestion? Find(string questionId) => Questions.FirstOrDefault(q => q.Id == questionId);

    /// <summary>
    /// Whether a question is asked, given the answers so far. A question whose condition depends on a
    /// question that is itself skipped is skipped too, so a chain of conditions collapses as a whole.
    /// </summary>
    public bool IsShown(GuideQuestion question, Func<string, string?> answerOf)
    {
        for (var depth = 0; question.ShowIf is { } condition && depth < 50; depth++)
        {
            var controlling = Find(condition.Question);
            if (controlling is null) return false;
            var codes = AnswerFormat.Codes(controlling.Kind, answerOf(controlling.Id));
            if (!codes.Any(c => condition.In.Contains(c))) return false;
            question = controlling;
        }
        return true;
    }
}

public sealed record GuideSection(string Id, string TitleEn, string TitleZh, IReadOnlyList<GuideQuestion> Questions)
{
    public string Title(bool chinese) => chinese ? TitleZh : TitleEn;
}

public sealed record GuideOption(string Code, string En, string Zh)
{
    public string Label(bool chinese) => chinese ? Zh : En;
}

public sealed record ShowIf(string Question, IReadOnlyList<string> In);

public sealed record GuideQuestion(string Id, string Type, string TextEn, string TextZh)
{
    public string? InstructionEn { get; init; }
    public string? InstructionZh { get; init; }
    public bool Required { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public string? Unit { get; init; }
    public IReadOnlyList<GuideOption>? Options { get; init; }
    /// <summary>Name of a TermKind whose active entries are the options.</summary>
    public string? OptionsFrom { get; init; }
    /// <summary>Split questions: name of a TermKind whose entries are the parts.</summary>
    public string? PartsFrom { get; init; }
    /// <summary>Choice questions: an "other, namely …" answer is allowed.</summary>
    public bool Other { get; init; }
    public ShowIf? ShowIf { get; init; }
    /// <summary>Partner lists: the LinkageType term code every row of the list carries.</summary>
    public string? LinkageType { get; init; }
    /// <summary>
    /// A question about one other park ("are firms in Yizhuang Park partners, competitors, both or neither?"): that
    /// park's code. The report reads the answers as the nature of the relation with that park (F1–F3); a firm of the
    /// park itself is not asked about its own park.
    /// </summary>
    public string? AboutPark { get; init; }
    /// <summary>
    /// Number questions: the id of an earlier number question this answer may not exceed (A3, R&amp;D staff, is part of A2,
    /// total staff). The data-quality checks read it; nothing about staff is assumed from an id.
    /// </summary>
    public string? NotAbove { get; init; }

    [JsonIgnore] public QuestionType Kind => QuestionTypes.Parse(Type) ?? QuestionType.Text;
}

public enum QuestionType { Text, LongText, Integer, Decimal, Single, Multiple, Scale, Date, Split, Partners }

public static class QuestionTypes
{
    static readonly Dictionary<string, QuestionType> Names = new(StringComparer.Ordinal)
    {
        ["text"] = QuestionType.Text, ["longtext"] = QuestionType.LongText, ["integer"] = QuestionType.Integer,
        ["decimal"] = QuestionType.Decimal, ["single"] = QuestionType.Single, ["multiple"] = QuestionType.Multiple,
        ["scale"] = QuestionType.Scale, ["date"] = QuestionType.Date, ["split"] = QuestionType.Split,
        ["partners"] = QuestionType.Partners,
    };

    public static QuestionType? Parse(string? name) => name is not null && Names.TryGetValue(name, out var t) ? t : null;
    public static IEnumerable<string> All => Names.Keys;
    public static bool IsChoice(this QuestionType t) => t is QuestionType.Single or QuestionType.Multiple;
}

/// <summary>A problem in a guide's JSON: an English message template with its arguments, and where.</summary>
public sealed record GuideProblem(string Message, string Where, params object[] Args);

public sealed record GuideParseResult(Guide? Guide, IReadOnlyList<GuideProblem> Problems)
{
    public bool Ok => Guide is not null && Problems.Count == 0;
}

public static class GuideParser
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
    };

    /// <summary>Parses and checks a guide. Term kinds are passed in so Core stays free of the vocabulary data.</summary>
    public static GuideParseResult Parse(string json, IReadOnlyCollection<string>? termKinds = null)
    {
        Guide? guide;
        try
        {
            guide = JsonSerializer.Deserialize<Guide>(json, Options);
        }
        catch (JsonException e)
        {
            return new(null, [new GuideProblem("The JSON is not valid at line {0}, position {1} ({2}).",
                e.Path ?? "", (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1, FirstLine(e.Message))]);
        }
        if (guide is null) return new(null, [new GuideProblem("The guide is empty.", "")]);
        var problems = Check(guide, termKinds ?? Enum.GetNames<Study.TermKind>());
        return new(problems.Count == 0 ? guide : null, problems);
    }

    static string FirstLine(string message) => message.Split('\n')[0].Split(" Path:")[0];

    static List<GuideProblem> Check(Guide guide, IReadOnlyCollection<string> termKinds)
    {
        var problems = new List<GuideProblem>();
        void Problem(string message, string where, params object[] args) => problems.Add(new(message, where, args));

        if (string.IsNullOrWhiteSpace(guide.TitleEn) || string.IsNullOrWhiteSpace(guide.TitleZh))
            Problem("The guide needs an English and a Chinese title (titleEn, titleZh).", "titleEn");
        if (guide.Sections is null || guide.Sections.Count == 0)
        {
            Problem("The guide has no sections.", "sections");
            return problems;
        }
        var sectionIds = new HashSet<string>();
        var seen = new Dictionary<string, GuideQuestion>();
        for (var s = 0; s < guide.Sections.Count; s++)
        {
            var section = guide.Sections[s];
            var where = $"sections[{s}]";
            if (string.IsNullOrWhiteSpace(section.Id)) Problem("A section has no id.", where);
            else if (!sectionIds.Add(section.Id)) Problem("Section id {0} is used twice.", where, section.Id);
            if (string.IsNullOrWhiteSpace(section.TitleEn) || string.IsNullOrWhiteSpace(section.TitleZh))
                Problem("Section {0} needs titleEn and titleZh.", where, section.Id ?? "?");
            if (section.Questions is null || section.Questions.Count == 0) { Problem("Section {0} has no questions.", where, section.Id ?? "?"); continue; }
            for (var q = 0; q < section.Questions.Count; q++)
            {
                var question = section.Questions[q];
                var at = $"{where}.questions[{q}]" + (question.Id is null ? "" : $" ({question.Id})");
                if (string.IsNullOrWhiteSpace(question.Id)) { Problem("A question has no id.", at); continue; }
                if (question.Id.Length > 40) Problem("Question id {0} is longer than 40 characters.", at, question.Id);
                if (seen.ContainsKey(question.Id)) Problem("Question id {0} is used twice.", at, question.Id);
                CheckQuestion(question, at, seen, termKinds, Problem);
                seen[question.Id] = question;
            }
        }
        return problems;
    }

    static void CheckQuestion(GuideQuestion q, string at, Dictionary<string, GuideQuestion> earlier,
        IReadOnlyCollection<string> termKinds, Action<string, string, object[]> problem)
    {
        if (string.IsNullOrWhiteSpace(q.TextEn) || string.IsNullOrWhiteSpace(q.TextZh))
            problem("Question {0} needs textEn and textZh.", at, [q.Id]);
        if (QuestionTypes.Parse(q.Type) is not { } type)
        {
            problem("Question {0} has an unknown type \"{1}\" (known: {2}).", at, [q.Id, q.Type ?? "", string.Join(", ", QuestionTypes.All)]);
            return;
        }
        if (type.IsChoice())
        {
            if (q.OptionsFrom is null && (q.Options is null || q.Options.Count == 0))
                problem("Question {0} is a choice question but has neither options nor optionsFrom.", at, [q.Id]);
            if (q.Options is { } options)
            {
                if (options.Any(o => string.IsNullOrWhiteSpace(o.Code) || string.IsNullOrWhiteSpace(o.En) || string.IsNullOrWhiteSpace(o.Zh)))
                    problem("Every option of question {0} needs code, en and zh.", at, [q.Id]);
                else if (options.GroupBy(o => o.Code).FirstOrDefault(g => g.Count() > 1) is { } dup)
                    problem("Question {0} has option code {1} twice.", at, [q.Id, dup.Key]);
                if (options.Any(o => o.Code == "other" || o.Code?.StartsWith("other:", StringComparison.Ordinal) == true))
                    problem("Question {0}: \"other\" is reserved; use \"other\": true instead.", at, [q.Id]);
            }
        }
        if (q.OptionsFrom is { } from && !termKinds.Contains(from))
            problem("Question {0}: optionsFrom \"{1}\" is not a vocabulary (known: {2}).", at, [q.Id, from, string.Join(", ", termKinds)]);
        if (type == QuestionType.Split && q.PartsFrom is null && (q.Options is null || q.Options.Count == 0))
            problem("Split question {0} needs partsFrom or options for its parts.", at, [q.Id]);
        if (q.PartsFrom is { } parts && !termKinds.Contains(parts))
            problem("Question {0}: partsFrom \"{1}\" is not a vocabulary (known: {2}).", at, [q.Id, parts, string.Join(", ", termKinds)]);
        if (type == QuestionType.Scale && (q.Min is null || q.Max is null))
            problem("Scale question {0} needs min and max.", at, [q.Id]);
        if (q.Min is { } min && q.Max is { } max && min > max)
            problem("Question {0}: min is greater than max.", at, [q.Id]);
        if (type == QuestionType.Partners && string.IsNullOrWhiteSpace(q.LinkageType))
            problem("Partner list {0} needs a linkageType (a linkage type code).", at, [q.Id]);
        if (q.AboutPark is not null && type != QuestionType.Single)
            problem("Question {0}: aboutPark is only for single questions (partners, competitors, both or neither).", at, [q.Id]);
        if (q.NotAbove is { } notAbove)
        {
            if (type is not (QuestionType.Integer or QuestionType.Decimal))
                problem("Question {0}: notAbove is only for integer and decimal questions.", at, [q.Id]);
            else if (!earlier.TryGetValue(notAbove, out var whole) || whole.Kind is not (QuestionType.Integer or QuestionType.Decimal))
                problem("Question {0}: notAbove refers to {1}, which is not an earlier integer or decimal question.", at, [q.Id, notAbove]);
        }
        if (q.Other && !type.IsChoice())
            problem("Question {0}: \"other\" is only for single and multiple questions.", at, [q.Id]);
        if (q.ShowIf is { } showIf)
        {
            if (!earlier.TryGetValue(showIf.Question ?? "", out var controlling))
                problem("Question {0}: showIf refers to {1}, which is not an earlier question.", at, [q.Id, showIf.Question ?? ""]);
            else if (!controlling.Kind.IsChoice())
                problem("Question {0}: showIf must refer to a single or multiple question; {1} is {2}.", at, [q.Id, controlling.Id, controlling.Type]);
            else if (showIf.In is null || showIf.In.Count == 0)
                problem("Question {0}: showIf needs at least one code in \"in\".", at, [q.Id]);
            else if (controlling.Options is { } options && showIf.In.FirstOrDefault(c => options.All(o => o.Code != c)) is { } unknown)
                problem("Question {0}: showIf code {1} is not an option of {2}.", at, [q.Id, unknown, controlling.Id]);
        }
    }
}
