using System.Globalization;
using System.Text.Json;

namespace FieldSurvey.Core.Reporting;

/// <summary>One structured answer of an interviewed firm (guide question id and the stored value).</summary>
public sealed record SurveyAnswer(int FirmId, string Park, string QuestionId, string? Value);

/// <summary>The guide questions the survey indicators read (seed/guide.json).</summary>
public static class SurveyQuestions
{
    public const string Employees = "A2", Inputs = "C3", Sales = "C4", Hires = "D2", Departures = "D3", Contact = "E3";
    public const string Partners = "partners", Competitors = "competitors", Both = "both", Neither = "neither";
    /// <summary>E3's answer codes, least to most often.</summary>
    public const string Never = "never", Yearly = "yearly", Monthly = "monthly", Weekly = "weekly";

    /// <summary>
    /// The relation questions (F1–F3 in the default guide) and the park each asks about, read from the guide: a
    /// question's <c>aboutPark</c> (<see cref="Interviews.GuideQuestion.AboutPark"/>). No park is assumed from an id or
    /// a question's text; a question without <c>aboutPark</c> is not read as a relation question. Guides are given
    /// oldest first: a later version's mapping of the same question wins.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Relations(IEnumerable<Interviews.Guide> guides)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var q in guides.SelectMany(g => g.Questions))
            if (!string.IsNullOrWhiteSpace(q.AboutPark)) map[q.Id] = q.AboutPark;
        return map;
    }

    public static IReadOnlyList<string> All(IReadOnlyDictionary<string, string> relations) =>
        [Employees, Inputs, Sales, Hires, Departures, Contact, .. relations.Keys];
}

/// <summary>
/// C3 or C4 for a set of parks: the share of a firm's inputs (sales) that come from (go to) the set's other parks.
/// <see cref="FirmWeighted"/>: the mean over answering firms; <see cref="EmployeeWeighted"/>: weighted by employees
/// (A2), over the <see cref="EmployeeFirms"/> firms that gave both; <see cref="CrossShare"/>: other parks ÷ (own park
/// + other parks), summed over firms, the survey's counterpart of a cross-cluster mention share.
/// <see cref="Interval"/>: percentile interval of <see cref="FirmWeighted"/> over resamples of the answering firms.
/// </summary>
public sealed record SplitIndicator(int Firms, double FirmWeighted, Interval Interval, double EmployeeWeighted, int EmployeeFirms, double CrossShare);

/// <summary>D2/D3: hires from and departures to firms in the other parks (last three years), and the firms with any.</summary>
public sealed record MobilityIndicator(int Firms, int Hires, int Departures, int FirmsWithAny, Interval Interval)
{
    public double Share => Firms == 0 ? double.NaN : (double)FirmsWithAny / Firms;
}

/// <summary>F1–F3: answers of the set's firms about each other park of the set; the Wilson intervals are per answer.</summary>
public sealed record RelationIndicator(int Answers, int Partners, int Competitors, int Both, int Neither)
{
    public double Share(string code) => Answers == 0 ? double.NaN : (double)Count(code) / Answers;
    public int Count(string code) => code switch
    {
        SurveyQuestions.Partners => Partners, SurveyQuestions.Competitors => Competitors, SurveyQuestions.Both => Both, _ => Neither,
    };
    public Interval Interval(string code) => Intervals.Wilson(Count(code), Answers);
    /// <summary>For the rule: "both" counts as a partner and as a competitor.</summary>
    public SurveyNatureCount Nature => new(Partners + Both, Competitors + Both);
}

/// <summary>
/// E3, "how often does the firm talk to firms in the other two parks": a knowledge linkage between the parks as the
/// respondent sees it (the question names no park, so a pair's figure includes the third park, as for D2/D3).
/// <see cref="Share"/>: firms that talk to them monthly or more often, the counterpart of a cross-cluster knowledge
/// link (a few times a year is occasional contact, not a linkage); <see cref="Interval"/>: Wilson over firms.
/// </summary>
public sealed record ContactIndicator(int Firms, int Never, int Yearly, int Monthly, int Weekly)
{
    public int Regular => Monthly + Weekly;
    public double Share => Firms == 0 ? double.NaN : (double)Regular / Firms;
    public Interval Interval => Intervals.Wilson(Regular, Firms);
}

public sealed record SurveySet(string Key, SplitIndicator Inputs, SplitIndicator Sales, MobilityIndicator Mobility, RelationIndicator Relations)
{
    public ContactIndicator Contact { get; init; } = new(0, 0, 0, 0, 0);
}

/// <summary>The survey figures a reader can open to see the firms' answers behind them.</summary>
public enum SurveyFigure
{
    Inputs = 0,
    Sales = 1,
    Mobility = 2,
    Contact = 3,
    Relations = 4,
}

public static class SurveyIndicators
{
    /// <summary>Survey indicators of a set of parks. Firms answer about "the other two parks" in D2/D3, so for a pair those figures include the third park (stated on the report). <c>relations</c>: relation question id → the park it asks about (<see cref="SurveyQuestions.Relations"/>).</summary>
    public static SurveySet For(string key, IReadOnlyList<string> set, IReadOnlyList<SurveyAnswer> answers,
        IReadOnlyDictionary<string, string> relations, int resamples = Uncertainty.DefaultResamples, int seed = Uncertainty.DefaultSeed)
    {
        var mine = answers.Where(a => set.Contains(a.Park)).ToList();
        var byFirm = mine.GroupBy(a => a.FirmId).Select(g => (Park: g.First().Park, Answers: g.GroupBy(a => a.QuestionId).ToDictionary(x => x.Key, x => x.Last().Value))).ToList();
        int? Int(IReadOnlyDictionary<string, string?> a, string q) =>
            a.TryGetValue(q, out var v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : null;

        SplitIndicator Split(string question)
        {
            var rows = new List<(double Other, double Own, int? Employees)>();
            foreach (var (park, a) in byFirm)
                if (a.TryGetValue(question, out var v) && ParseSplit(v) is { } parts && parts.Values.Sum() is var sum and > 0)
                {
                    var other = set.Where(p => p != park).Sum(p => parts.GetValueOrDefault(p)) / sum;
                    rows.Add((other, parts.GetValueOrDefault(park) / sum, Int(a, SurveyQuestions.Employees)));
                }
            if (rows.Count == 0) return new(0, double.NaN, Interval.None, double.NaN, 0, double.NaN);
            var weighted = rows.Where(r => r.Employees > 0).ToList();
            var employees = weighted.Sum(r => (double)r.Employees!.Value);
            var ownPlusOther = rows.Sum(r => r.Own + r.Other);
            var random = new SeededRandom(seed);
            var means = new double[resamples];
            for (var b = 0; b < resamples; b++)
            {
                double s = 0;
                for (var i = 0; i < rows.Count; i++) s += rows[random.Next(rows.Count)].Other;
                means[b] = s / rows.Count;
            }
            return new(rows.Count, rows.Average(r => r.Other), Intervals.Percentile(means),
                employees == 0 ? double.NaN : weighted.Sum(r => r.Other * r.Employees!.Value) / employees, weighted.Count,
                ownPlusOther == 0 ? double.NaN : rows.Sum(r => r.Other) / ownPlusOther);
        }

        int firms = 0, hires = 0, departures = 0, withAny = 0;
        foreach (var (_, a) in byFirm)
        {
            int? h = Int(a, SurveyQuestions.Hires), d = Int(a, SurveyQuestions.Departures);
            if (h is null && d is null) continue;
            firms++;
            hires += h ?? 0;
            departures += d ?? 0;
            if ((h ?? 0) + (d ?? 0) > 0) withAny++;
        }

        int answered = 0, partners = 0, competitors = 0, both = 0, neither = 0;
        foreach (var (park, a) in byFirm)
            foreach (var (question, about) in relations)
            {
                if (about == park || !set.Contains(about) || !a.TryGetValue(question, out var v)) continue;
                switch (v)
                {
                    case SurveyQuestions.Partners: partners++; break;
                    case SurveyQuestions.Competitors: competitors++; break;
                    case SurveyQuestions.Both: both++; break;
                    case SurveyQuestions.Neither: neither++; break;
                    default: continue;
                }
                answered++;
            }
        int[] contact = new int[4];
        foreach (var (_, a) in byFirm)
            if (a.TryGetValue(SurveyQuestions.Contact, out var v) && Array.IndexOf(ContactCodes, v) is var at and >= 0) contact[at]++;
        return new SurveySet(key, Split(SurveyQuestions.Inputs), Split(SurveyQuestions.Sales),
            new MobilityIndicator(firms, hires, departures, withAny, Intervals.Wilson(withAny, firms)),
            new RelationIndicator(answered, partners, competitors, both, neither))
        {
            Contact = new(contact.Sum(), contact[0], contact[1], contact[2], contact[3]),
        };
    }

    static readonly string[] ContactCodes = [SurveyQuestions.Never, SurveyQuestions.Yearly, SurveyQuestions.Monthly, SurveyQuestions.Weekly];

    /// <summary>
    /// The answers behind one survey figure of a set of parks, the same ones <see cref="For"/> reads: the firms of the
    /// set's parks, the figure's questions (C3 or C4 with A2 for the weights; D2 and D3; E3; for the relations, only
    /// the questions about another park of the set). Ordered by firm, then question.
    /// </summary>
    public static IReadOnlyList<SurveyAnswer> Behind(SurveyFigure figure, IReadOnlyList<string> set, IReadOnlyList<SurveyAnswer> answers,
        IReadOnlyDictionary<string, string> relations)
    {
        string[] questions = figure switch
        {
            SurveyFigure.Inputs => [SurveyQuestions.Inputs, SurveyQuestions.Employees],
            SurveyFigure.Sales => [SurveyQuestions.Sales, SurveyQuestions.Employees],
            SurveyFigure.Mobility => [SurveyQuestions.Hires, SurveyQuestions.Departures],
            SurveyFigure.Contact => [SurveyQuestions.Contact],
            _ => [.. relations.Keys],
        };
        var mine = answers.Where(a => set.Contains(a.Park) && questions.Contains(a.QuestionId)
            && (figure != SurveyFigure.Relations || relations[a.QuestionId] is var about && about != a.Park && set.Contains(about))).ToList();
        // Employees are a weight, not an answer to the figure: shown only for firms that answered the figure's question.
        var answering = mine.Where(a => a.QuestionId != SurveyQuestions.Employees).Select(a => a.FirmId).ToHashSet();
        return mine.Where(a => answering.Contains(a.FirmId)).OrderBy(a => a.FirmId).ThenBy(a => Array.IndexOf(questions, a.QuestionId)).ToList();
    }

    /// <summary>A split answer ({"ZLS":50,"BJ":50}); null when it cannot be read or has a negative part.</summary>
    public static IReadOnlyDictionary<string, double>? ParseSplit(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            var parts = JsonSerializer.Deserialize<Dictionary<string, double>>(json);
            return parts is null || parts.Values.Any(v => v < 0 || double.IsNaN(v)) ? null : parts;
        }
        catch (JsonException) { return null; }
    }
}
