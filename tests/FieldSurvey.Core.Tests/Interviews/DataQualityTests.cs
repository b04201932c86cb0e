using FieldSurvey.Core.Interviews;

namespace FieldSurvey.Core.Tests.Interviews;

/// <summary>
/// Issue 24, data quality: the built-in checks and the PI's rule language over the default guide (seed/guide.json), every
/// figure worked by hand on the small fixtures below.
/// </summary>
public sealed class DataQualityTests
{
    static readonly Guide Seed = GuideParser.Parse(File.ReadAllText(Path.Combine(FindRepo(), "seed", "guide.json"))).Guide!;

    static string FindRepo()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "seed", "guide.json"))) dir = Path.GetDirectoryName(dir)!;
        return dir;
    }

    // The vocabularies the default guide names (seed/vocabulary), as the web app resolves them.
    static IReadOnlyList<GuideOption> OptionsOf(GuideQuestion q) => (q.Kind == QuestionType.Split ? q.PartsFrom : q.OptionsFrom) switch
    {
        "PartnerLocation" => Codes("ZLS", "YZ", "DX", "BJ", "CN", "ABROAD"),
        "ValueChainActivity" => Codes("rd", "clinical", "manufacturing", "sales", "services"),
        "Subsector" => Codes("biopharma", "chemical", "tcm", "devices", "diagnostics", "cro"),
        null => q.Options ?? [],
        _ => [],
    };

    static List<GuideOption> Codes(params string[] codes) => codes.Select(c => new GuideOption(c, c, c)).ToList();

    /// <summary>A complete, clean interview: every required answer, in range, splits at 100, R&amp;D staff within total staff.</summary>
    static Dictionary<string, (string? Value, BlankReason? Blank)> Clean(params (string Id, string? Value)[] changes)
    {
        var answers = new Dictionary<string, (string?, BlankReason?)>
        {
            ["A1"] = ("2005", null), ["A2"] = ("120", null), ["A3"] = ("30", null), ["A4"] = ("private", null),
            ["A5"] = ("biopharma", null), ["A6"] = ("[\"rd\",\"manufacturing\"]", null), ["G1"] = ("no", null),
            ["C3"] = ("{\"ZLS\":60,\"BJ\":40}", null),
        };
        foreach (var (id, value) in changes) answers[id] = (value, null);
        return answers;
    }

    static IReadOnlyList<DataQualityFinding> Run(Dictionary<string, (string? Value, BlankReason? Blank)> answers,
        IReadOnlyDictionary<string, NumericSummary>? study = null, params DataQualityRuleText[] rules) =>
        DataQualityChecks.Run(Seed, OptionsOf, answers, study, rules);

    [Fact]
    public void A_clean_interview_has_no_findings() => Assert.Empty(Run(Clean()));

    [Fact]
    public void A_required_answer_missing_is_found_unless_a_reason_is_recorded()
    {
        var missing = Clean(("A1", null));
        var f = Assert.Single(Run(missing));
        Assert.Equal(("required", "A1", DataQualitySeverity.Error, "dq-required"), (f.Rule, f.QuestionIds.Single(), f.Severity, f.MessageCode));

        missing["A1"] = (null, BlankReason.DontKnow);
        Assert.Empty(Run(missing));
    }

    [Fact]
    public void A_value_outside_the_guides_min_and_max_is_out_of_range()
    {
        var f = Assert.Single(Run(Clean(("A1", "1900"))));   // A1: 1949–2026
        Assert.Equal(("range", "dq-out-of-range"), (f.Rule, f.MessageCode));
        Assert.Equal(["1949", "2026"], f.Args.Select(a => a.ToString()));
    }

    [Fact]
    public void A_percentage_split_must_add_up_to_100()
    {
        var f = Assert.Single(Run(Clean(("C3", "{\"ZLS\":50,\"BJ\":40}"))));
        Assert.Equal(("split-sum", "C3", "90"), (f.Rule, f.QuestionIds.Single(), f.Args.Single().ToString()));
    }

    [Theory]
    [InlineData("120", "121", true)]    // R&D staff above total staff
    [InlineData("120", "120", false)]   // all staff in R&D is possible
    [InlineData(null, "121", false)]    // no total, nothing to compare with (A2's own "required" is another finding)
    public void RD_staff_above_total_staff_is_found_through_the_guides_notAbove(string? total, string rd, bool found)
    {
        Assert.Equal("A2", Seed.Find("A3")!.NotAbove);
        var findings = Run(Clean(("A2", total), ("A3", rd))).Where(f => f.Rule == "not-above").ToList();
        Assert.Equal(found, findings.Count == 1);
        if (found)
        {
            Assert.Equal(["A3", "A2"], findings[0].QuestionIds);
            Assert.Equal(["A3", "121", "A2", "120"], findings[0].Args.Select(a => a.ToString()));
        }
    }

    // Hand-worked: five 10s and five 12s have mean 11 and sample variance 10 × 1² / 9 = 1.111, SD 1.0541, so 3 SD = 3.162.
    // 15 lies 4 from the mean (an outlier), 14 lies 3 (not). With only nine other values the check stays silent.
    [Theory]
    [InlineData("15", 10, true)]
    [InlineData("14", 10, false)]
    [InlineData("15", 9, false)]
    public void A_number_beyond_3_SD_of_the_other_interviews_is_an_outlier(string d2, int others, bool found)
    {
        var values = new decimal[] { 10, 10, 10, 10, 10, 12, 12, 12, 12, 12 }.Take(others).Append(decimal.Parse(d2)).ToList();
        var all = NumericSummary.Of(values);
        var study = new Dictionary<string, NumericSummary> { ["D2"] = all.Without(decimal.Parse(d2)) };
        var findings = Run(Clean(("D2", d2)), study).Where(f => f.Rule == "outlier").ToList();
        Assert.Equal(found, findings.Count == 1);
        if (found)
        {
            Assert.Equal(DataQualitySeverity.Warning, findings[0].Severity);
            Assert.Equal(["15", "11", "1.05", "10"], findings[0].Args.Select(a => a.ToString()));
        }
    }

    [Fact]
    public void Mean_and_sample_SD_leave_one_value_out_exactly()
    {
        var s = NumericSummary.Of([2, 4, 4, 4, 5, 5, 7, 9]);   // mean 5, Σ(x−5)² = 32, sample SD √(32/7) = 2.138
        Assert.Equal(5, s.Mean, 10);
        Assert.Equal(Math.Sqrt(32.0 / 7), s.StandardDeviation, 10);
        var without = s.Without(9);                            // 2,4,4,4,5,5,7: mean 31/7, Σx² = 151
        Assert.Equal(31.0 / 7, without.Mean, 10);
        Assert.Equal(Math.Sqrt((151 - 31.0 * 31 / 7) / 6), without.StandardDeviation, 10);
    }

    [Fact]
    public void A_question_skipped_by_show_if_is_blank_to_every_check()
    {
        // G2 (a date) is asked only when G1 = yes; an answer left in it after G1 changed to no is not read.
        var rule = new DataQualityRuleText(7, "empty(G2)", DataQualitySeverity.Warning);
        Assert.Empty(Run(Clean(("G1", "no"), ("G2", "2026-12-01")), null, rule));
        Assert.Single(Run(Clean(("G1", "yes"), ("G2", "2026-12-01")), null, rule));
    }

    [Fact]
    public void A_PI_rule_that_comes_out_false_is_a_finding_with_its_id_questions_and_severity()
    {
        var rule = new DataQualityRuleText(3, "A3 <= A2 / 2", DataQualitySeverity.Error);
        Assert.Empty(Run(Clean(), null, rule));                         // 30 <= 60
        var f = Assert.Single(Run(Clean(("A3", "61")), null, rule));   // 61 > 60
        Assert.Equal(("rule", 3, DataQualitySeverity.Error, "rule:3|A3,A2"), (f.Rule, f.RuleId, f.Severity, f.Key));
    }

    // ---- the rule language ----

    static bool? Eval(string rule, params (string Id, string? Value)[] answers)
    {
        var parsed = DataQualityExpressions.Parse(rule, Seed, OptionsOf);
        Assert.True(parsed.Ok, string.Join("; ", parsed.Errors.Select(e => $"{e.Code}@{e.Position}")));
        var map = answers.ToDictionary(a => a.Id, a => a.Value);
        return DataQualityExpressions.Evaluate(parsed.Rule!, Seed, id => map.GetValueOrDefault(id));
    }

    [Theory]
    [InlineData("A3 <= A2", "30", "120", true)]
    [InlineData("A3 <= A2", "130", "120", false)]
    [InlineData("A3 <= A2", null, "120", null)]             // a blank makes a comparison unknown: no finding
    [InlineData("A3 * 4 <= A2", "30", "120", true)]          // 120 <= 120
    [InlineData("A3 * 4 < A2", "30", "120", false)]
    [InlineData("A2 - A3 >= 100", "20", "120", true)]        // precedence: (A2 − A3) ≥ 100
    [InlineData("-A3 + A2 = 90", "30", "120", true)]
    [InlineData("A3 / (A2 - 120) > 0", "30", "120", null)]   // division by zero is unknown
    [InlineData("empty(A3) or A3 <= A2", null, "120", true)]  // Kleene: true or unknown is true
    [InlineData("not empty(A3) and A3 > A2", null, "120", false)]
    public void Numeric_rules_evaluate_with_blanks_as_unknown(string rule, string? a3, string? a2, bool? expected) =>
        Assert.Equal(expected, Eval(rule, ("A3", a3), ("A2", a2)));

    [Theory]
    [InlineData("{\"ZLS\":60,\"BJ\":40}", true)]
    [InlineData("{\"ZLS\":60,\"BJ\":30,\"CN\":10}", false)]
    public void Split_parts_and_totals_are_numbers(string c3, bool expected)
    {
        Assert.Equal(expected, Eval("C3.ZLS + C3.BJ = 100", ("C3", c3)));
        Assert.Equal(true, Eval("sum(C3) = 100", ("C3", c3)));
        Assert.Equal(!expected, Eval("C3.CN > 0", ("C3", c3)));   // a part left out of an answered split is 0
    }

    [Theory]
    [InlineData("yes", null, false)]
    [InlineData("yes", "2026-12-01", true)]
    [InlineData("no", null, true)]
    public void Text_choices_and_empty_combine_with_and_or_not(string g1, string? g2, bool expected) =>
        Assert.Equal(expected, Eval("G1 != \"yes\" or not empty(G2)", ("G1", g1), ("G2", g2)));

    [Theory]
    [InlineData("[\"rd\",\"sales\"]", true, 2)]
    [InlineData("[\"sales\"]", false, 1)]
    public void Multiple_choice_answers_are_read_with_has_and_count(string a6, bool hasRd, int count)
    {
        Assert.Equal(hasRd, Eval("has(A6, 'rd')", ("A6", a6)));
        Assert.Equal(true, Eval($"count(A6) = {count}", ("A6", a6)));
        Assert.Equal(hasRd, Eval("has(A6, \"rd\") and A4 = \"private\"", ("A6", a6), ("A4", "private")));
    }

    [Theory]
    [InlineData("A3 <= ", "dq-syntax-end", 6, "")]
    [InlineData("A3 <= A2)", "dq-syntax", 8, ")")]
    [InlineData("(A3 <= A2", "dq-syntax-end", 9, "")]
    [InlineData("A3 <= A2 <= 5", "dq-syntax", 9, "<=")]
    [InlineData("A3 <= A2 $", "dq-bad-character", 9, "$")]
    [InlineData("A4 = \"soe", "dq-unterminated-text", 5, "")]
    [InlineData("A3 <= Z9", "dq-unknown-question", 6, "Z9")]
    [InlineData("C3.XX > 0", "dq-unknown-part", 0, "XX,C3")]
    [InlineData("A3.ZLS > 0", "dq-not-a-split", 0, "A3")]
    [InlineData("A4 + 1 > 2", "dq-type", 0, "number,text")]
    [InlineData("A3 < 'x'", "dq-type", 5, "number,text")]
    [InlineData("A4 < 'soe'", "dq-text-order", 3, "<")]
    [InlineData("A6 = \"rd\"", "dq-use-has", 3, "")]
    [InlineData("G1 = \"yse\"", "dq-unknown-option", 5, "yse,G1")]
    [InlineData("has(A6, 'rnd')", "dq-unknown-option", 8, "rnd,A6")]
    [InlineData("sum(A3) > 0", "dq-type", 4, "split,number")]
    [InlineData("median(A3) > 0", "dq-unknown-function", 0, "median")]
    [InlineData("empty(A3, A2)", "dq-argument-count", 0, "empty,1")]
    [InlineData("empty(3)", "dq-needs-question", 6, "empty")]
    [InlineData("A3 + A2", "dq-not-a-condition", 0, "number")]
    [InlineData("A3 > 0 and A2", "dq-type", 11, "bool,number")]
    public void Errors_are_named_by_code_and_position(string rule, string code, int position, string args)
    {
        var result = DataQualityExpressions.Parse(rule, Seed, OptionsOf);
        Assert.False(result.Ok);
        var e = result.Errors[0];
        Assert.Equal((code, position, args), (e.Code, e.Position, string.Join(",", e.Args.Select(a => a.ToString()))));
    }

    [Fact]
    public void A_rule_lists_the_questions_it_reads_once_in_order()
    {
        var parsed = DataQualityExpressions.Parse("A3 <= A2 and (empty(A3) or A3 > 0) and has(A6, 'rd')", Seed, OptionsOf);
        Assert.Equal(["A3", "A2", "A6"], parsed.Rule!.QuestionIds);
    }

    [Fact]
    public void The_guide_refuses_notAbove_on_a_question_that_is_not_a_number_or_points_at_a_later_one()
    {
        static string Guide(string a, string b) =>
            $$"""{"titleEn":"G","titleZh":"提纲","sections":[{"id":"A","titleEn":"A","titleZh":"甲","questions":[{{a}},{{b}}]}]}""";
        var later = GuideParser.Parse(Guide("""{"id":"Q1","type":"integer","notAbove":"Q2","textEn":"a","textZh":"甲"}""",
            """{"id":"Q2","type":"integer","textEn":"b","textZh":"乙"}"""));
        Assert.Contains(later.Problems, p => p.Message.Contains("notAbove refers to"));
        var text = GuideParser.Parse(Guide("""{"id":"Q1","type":"integer","textEn":"a","textZh":"甲"}""",
            """{"id":"Q2","type":"text","notAbove":"Q1","textEn":"b","textZh":"乙"}"""));
        Assert.Contains(text.Problems, p => p.Message.Contains("notAbove is only for"));
    }
}
