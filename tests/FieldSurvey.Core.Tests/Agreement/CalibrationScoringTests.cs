using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Calibration;
using FieldSurvey.Core.Study;

namespace FieldSurvey.Core.Tests.Agreement;

public sealed class CalibrationScoringTests
{
    static CodedSpan Span(int id, int start, string type) => new(id, start, start + 10, type, "ZLS", "firm", "collaborative");

    static readonly IReadOnlyList<CodeLabel> Codebook =
        [new(TermKind.LinkageType, "research", "Research"), new(TermKind.LinkageType, "labour", "Labour"), new(TermKind.Theme, "why-park", "Why this park")];

    // Gold: research, labour, research, labour. The coder: research, labour, labour, misses the fourth, adds a research
    // passage. Five units: (r,r) (l,l) (r,l) (l,–) (–,r), "–" being "(not coded)".
    // By hand: coincidences o_rr = 2, o_ll = 2, and one each way for r–l, l–, –r: 6 off the diagonal; n_r = 4, n_l = 4,
    // n_– = 2, n = 10. Alpha = 1 − (n − 1)·6 ÷ (n² − Σn_c²) = 1 − 9·6 ÷ (100 − 36) = 0.15625. Percent 2/5 = 0.4. Kappa: both
    // coders' marginals are 2, 2, 1 of 5, so chance = 9/25 = 0.36 and kappa = (0.4 − 0.36) ÷ 0.64 = 0.0625.
    static CalibrationTranscript Worked() => new(7, "Kangda",
        [Span(1, 0, "research"), Span(2, 20, "labour"), Span(3, 40, "research"), Span(4, 60, "labour")],
        [Span(11, 0, "research"), Span(12, 20, "labour"), Span(13, 40, "labour"), Span(15, 100, "research")]);

    [Fact]
    public void A_coder_is_scored_against_the_gold_on_the_agreement_units_with_missed_and_added_passages_counting()
    {
        var result = CalibrationScoring.Score([Worked()], [TermKind.LinkageType], Codebook, [], passMark: 0.8, replicates: 200);
        var row = Assert.Single(result.Rows);
        Assert.Equal(TermKind.LinkageType, row.Dimension);
        Assert.Equal(5, row.Figures.Units);
        Assert.Equal(0.4, row.Figures.Percent, 10);
        Assert.Equal(0.0625, row.Figures.Kappa, 10);
        Assert.Equal(0.15625, row.Figures.Alpha, 10);
        Assert.Equal(200, row.Figures.AlphaInterval.Replicates);
        Assert.Equal((5, 3, 1, 1), (result.Found.Units, result.Found.Both, result.Found.FirstOnly, result.Found.SecondOnly));
        Assert.False(result.Passed);
    }

    [Fact]
    public void Coding_exactly_as_the_gold_passes_and_only_the_tested_rows_count()
    {
        var gold = Worked().Gold;
        var result = CalibrationScoring.Score([new CalibrationTranscript(7, "Kangda", gold, gold)], [TermKind.LinkageType], Codebook, [], 0.8, replicates: 50);
        Assert.Equal(1.0, Assert.Single(result.Rows).Figures.Alpha);
        Assert.True(result.Passed);
    }

    [Fact]
    public void Undefined_alpha_passes_only_with_full_agreement_and_a_missed_theme_fails()
    {
        // Every unit is "research" for both: no variation, alpha undefined, but full agreement.
        var same = new CalibrationTranscript(7, "Kangda", [Span(1, 0, "research"), Span(2, 20, "research")], [Span(11, 0, "research"), Span(12, 20, "research")]);
        var result = CalibrationScoring.Score([same], [TermKind.LinkageType], Codebook, [], 0.8, replicates: 10);
        Assert.True(double.IsNaN(result.Rows.Single().Figures.Alpha));
        Assert.True(result.Passed);

        // The gold puts "why-park" on the first passage; the coder does not: 1 of 2 units disagree on the theme.
        var themed = same with { Gold = [same.Gold[0] with { Themes = new HashSet<string> { "why-park" } }, same.Gold[1]] };
        var withTheme = CalibrationScoring.Score([themed], [TermKind.LinkageType], Codebook, ["why-park"], 0.8, replicates: 10);
        var theme = withTheme.Rows.Single(r => r.Dimension == TermKind.Theme);
        Assert.Equal(0.5, theme.Figures.Percent, 10);
        Assert.False(withTheme.Passed);
        Assert.False(CalibrationScoring.Score([same], [], Codebook, [], 0.8, replicates: 10).Passed);   // nothing tested, no pass
    }

    // Intra-coder agreement. The coder's first test holds transcripts 7 and 8, the re-test 7 and 9: only 7 is shared.
    // On 7 the coder first coded research, labour, research and later research, labour, labour: three units, (r,r) (l,l)
    // (r,l). By hand: o_rr = 2, o_ll = 2, o_rl = o_lr = 1; n_r = 3, n_l = 3, n = 6. Alpha = 1 − (n − 1)·2 ÷ (n² − Σn_c²)
    // = 1 − 5·2 ÷ (36 − 18) = 0.4444…; percent 2/3. Transcript 8's and 9's coding, wildly different, must not count.
    [Fact]
    public void Intra_coder_agreement_compares_a_coders_earlier_and_later_coding_of_the_shared_transcripts_only()
    {
        IReadOnlyList<CodedSpan> first = [Span(1, 0, "research"), Span(2, 20, "labour"), Span(3, 40, "research")];
        IReadOnlyList<CodedSpan> later = [Span(11, 0, "research"), Span(12, 20, "labour"), Span(13, 40, "labour")];
        var at = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var tests = new[]
        {
            new CoderTestCoding(2, at.AddDays(30), [TermKind.LinkageType], [], new Dictionary<int, IReadOnlyList<CodedSpan>> { [7] = later, [9] = [Span(21, 0, "labour")] }),
            new CoderTestCoding(1, at, [TermKind.LinkageType, TermKind.Nature], ["why-park"], new Dictionary<int, IReadOnlyList<CodedSpan>> { [7] = first, [8] = [Span(31, 500, "research")] }),
        };
        var pair = Assert.Single(CalibrationScoring.IntraCoder(tests, Codebook, 0.8, replicates: 50));
        Assert.Equal((1, 2), (pair.EarlierTestId, pair.LaterTestId));   // in submission order, whatever the input order
        Assert.Equal([7], pair.TranscriptIds);
        var row = Assert.Single(pair.Result.Rows);   // only what both tested: linkage type
        Assert.Equal(3, row.Figures.Units);
        Assert.Equal(2.0 / 3, row.Figures.Percent, 10);
        Assert.Equal(1 - 10.0 / 18, row.Figures.Alpha, 10);
        Assert.False(pair.Result.Passed);
    }

    [Fact]
    public void A_pass_expires_after_the_re_test_interval_and_never_without_one()
    {
        var submitted = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        var test = new CalibrationTest { Title = "t", CreatedById = "pi", RetestEveryDays = 30 };
        Assert.False(CalibrationRules.RetestDue(test, submitted, submitted.AddDays(30).AddTicks(-1)));
        Assert.True(CalibrationRules.RetestDue(test, submitted, submitted.AddDays(30)));
        Assert.False(CalibrationRules.RetestDue(new CalibrationTest { Title = "t", CreatedById = "pi" }, submitted, submitted.AddYears(5)));
        Assert.Contains(("RetestEveryDays", CalibrationRules.BadRetestDays), CalibrationRules.Check(1, 1, 0, 1, 0.8, 0));
        Assert.Empty(CalibrationRules.Check(1, 1, 0, 1, 0.8, 90));
    }
}
