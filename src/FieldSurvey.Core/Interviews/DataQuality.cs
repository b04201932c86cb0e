namespace FieldSurvey.Core.Interviews;

public enum DataQualitySeverity { Warning = 1, Error = 2 }

/// <summary>
/// One discrepancy in one interview. <see cref="Rule"/> is a built-in check's code (required, range, split-sum,
/// not-above, outlier, invalid) or "rule" for a PI's rule (<see cref="RuleId"/>); <see cref="MessageCode"/> and
/// <see cref="Args"/> are worded by the page's string table (a PI's rule carries its own two-language message).
/// </summary>
public sealed record DataQualityFinding(string Rule, int? RuleId, IReadOnlyList<string> QuestionIds, DataQualitySeverity Severity,
    string MessageCode, IReadOnlyList<object> Args)
{
    /// <summary>What identifies a finding across runs, so a query raised on it can be found again: rule and questions.</summary>
    public string Key => (RuleId is { } id ? $"rule:{id}" : Rule) + "|" + string.Join(",", QuestionIds);
}

/// <summary>A PI's rule as the checks read it: the expression must hold; when it does not, the finding carries the rule's id.</summary>
public sealed record DataQualityRuleText(int Id, string Expression, DataQualitySeverity Severity);

/// <summary>
/// Mean and sample standard deviation of one numeric question over the study's interviews, kept as count, sum and sum of
/// squares so one interview's own answer can be taken out (its outlier test is against the <i>other</i> interviews).
/// </summary>
public sealed record NumericSummary(int N, decimal Sum, decimal SumOfSquares)
{
    public static NumericSummary Of(IEnumerable<decimal> values)
    {
        var list = values.ToList();
        return new(list.Count, list.Sum(), list.Sum(v => v * v));
    }

    public NumericSummary Without(decimal value) => new(N - 1, Sum - value, SumOfSquares - value * value);

    public double Mean => N == 0 ? double.NaN : (double)(Sum / N);

    /// <summary>Sample standard deviation (divisor n − 1); NaN below two values.</summary>
    public double StandardDeviation => N < 2 ? double.NaN : Math.Sqrt(Math.Max(0, (double)((SumOfSquares - Sum * Sum / N) / (N - 1))));
}

public static class DataQualityChecks
{
    /// <summary>
    /// The outlier check needs this many <i>other</i> interviews with a number for the question: below it a mean and SD say
    /// too little (with n = 10 one value can lie at most (n − 1)/√n ≈ 2.85 SD from the mean of all ten, so the 3 SD test
    /// only becomes possible past a handful of values; the leave-one-out form used here avoids that ceiling).
    /// </summary>
    public const int OutlierMinimumN = 10;
    public const double OutlierSds = 3;

    /// <summary>
    /// Every finding for one interview. Built in: what <see cref="AnswerRules"/> refuses at submission (a required answer
    /// missing, a value outside the question's min–max, a split not adding to 100, an unreadable value), a number above the
    /// question named by its <c>notAbove</c> (R&amp;D staff above total staff), and a number more than 3 SD from the mean of the
    /// other interviews (<paramref name="study"/>: by question id, over the other interviews only). Then each PI rule that comes out false. Questions skipped
    /// by show-if are blank to every check.
    /// </summary>
    public static IReadOnlyList<DataQualityFinding> Run(Guide guide, Func<GuideQuestion, IReadOnlyList<GuideOption>> optionsOf,
        IReadOnlyDictionary<string, (string? Value, BlankReason? Blank)> answers,
        IReadOnlyDictionary<string, NumericSummary>? study = null,
        IReadOnlyList<DataQualityRuleText>? rules = null,
        Func<string, int>? partnerRows = null)
    {
        var findings = new List<DataQualityFinding>();
        string? Raw(string id) => answers.TryGetValue(id, out var a) ? a.Value : null;
        var shown = guide.Questions.Where(q => guide.IsShown(q, Raw)).Select(q => q.Id).ToHashSet();
        string? Value(string id) => shown.Contains(id) ? Raw(id) : null;

        foreach (var q in guide.Questions.Where(q => shown.Contains(q.Id)))
        {
            var (value, blank) = answers.TryGetValue(q.Id, out var a) ? a : (null, null);
            foreach (var p in AnswerRules.Check(q, value, blank, optionsOf(q)))
                findings.Add(new(Builtin(p.Code), null, [q.Id], DataQualitySeverity.Error, "dq-" + p.Code, p.Args));

            if (q.NotAbove is { } otherId && Number(q, Value(q.Id)) is { } part && guide.Find(otherId) is { } whole
                && Number(whole, Value(otherId)) is { } total && part > total)
                findings.Add(new("not-above", null, [q.Id, otherId], DataQualitySeverity.Error, "dq-not-above", [q.Id, Show(part), otherId, Show(total)]));

            if (q.Kind is QuestionType.Integer or QuestionType.Decimal && Number(q, Value(q.Id)) is { } x
                && study?.GetValueOrDefault(q.Id) is { } summary && Outlier(summary, x) is { } z)
                findings.Add(new("outlier", null, [q.Id], DataQualitySeverity.Warning, "dq-outlier",
                    [Show(x), Show((decimal)z.Mean), Show((decimal)z.Sd), z.N]));
        }

        foreach (var rule in rules ?? [])
        {
            // A rule that no longer parses against this guide version (a question it reads is not in it) is skipped here;
            // the rules page shows which versions a rule fits.
            if (DataQualityExpressions.Parse(rule.Expression, guide, optionsOf).Rule is not { } parsed) continue;
            if (DataQualityExpressions.Evaluate(parsed, guide, Value, partnerRows) == false)
                findings.Add(new("rule", rule.Id, parsed.QuestionIds, rule.Severity, "dq-rule", []));
        }
        return findings;
    }

    /// <summary>
    /// Whether <paramref name="x"/> lies more than 3 SD from the mean of the other interviews (<paramref name="others"/>, which
    /// must not hold this interview's own value: take it out with <see cref="NumericSummary.Without"/>). Null: not an outlier,
    /// too few values, or all the others equal.
    /// </summary>
    public static (double Mean, double Sd, int N)? Outlier(NumericSummary others, decimal x)
    {
        if (others.N < OutlierMinimumN) return null;
        var (mean, sd) = (others.Mean, others.StandardDeviation);
        return sd > 0 && Math.Abs((double)x - mean) > OutlierSds * sd ? (mean, sd, others.N) : null;
    }

    static string Builtin(string answerCode) => answerCode switch
    {
        "required" => "required",
        "out-of-range" or "scale-range" => "range",
        "split-sum" or "split-part-range" => "split-sum",
        _ => "invalid",
    };

    /// <summary>The built-in checks' codes, for the report's filter.</summary>
    public static readonly IReadOnlyList<string> BuiltinRules = ["required", "range", "split-sum", "not-above", "outlier", "invalid"];

    static decimal? Number(GuideQuestion q, string? value) =>
        q.Kind is QuestionType.Integer or QuestionType.Decimal or QuestionType.Scale && value is not null && AnswerFormat.TryNumber(value, out var n) ? n : null;

    static string Show(decimal n) => Math.Round(n, 2).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
