using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Exports;
using FieldSurvey.Core.Study;

namespace FieldSurvey.Core.Tests.Agreement;

public sealed class AgreementTablesTests
{
    static CodedSpan Span(int id, int start, string type, string nature = "collaborative") => new(id, start, start + 10, type, "ZLS", "firm", nature);

    static readonly IReadOnlyList<CodeLabel> Codebook =
    [
        new(TermKind.LinkageType, "research", "研发合作"), new(TermKind.LinkageType, "labour", "劳动力市场"),
        new(TermKind.PartnerLocation, "ZLS", "中关村生命科学园"), new(TermKind.PartnerKind, "firm", "企业"),
        new(TermKind.Nature, "collaborative", "合作/互补"), new(TermKind.Nature, "competitive", "竞争"),
    ];

    // Four units: research/research, labour/labour, research/labour, labour/(not coded).
    static CoderPairUnits Pair() => new(1, "Kangda", "coder1", "coder2", Units.Match(
        [Span(1, 0, "research"), Span(2, 20, "labour"), Span(3, 40, "research"), Span(4, 60, "labour", "competitive")],
        [Span(5, 0, "research"), Span(6, 20, "labour"), Span(7, 40, "labour")], MatchRule.Default));

    [Fact]
    public void Figures_by_dimension_count_not_coded_as_a_disagreement()
    {
        var summary = AgreementTables.Summarise([Pair()], Codebook, replicates: 100);
        var type = summary.ByDimension.Single(r => r.Dimension == TermKind.LinkageType).Figures;
        Assert.Equal(4, type.Units);
        Assert.Equal(0.5, type.Percent, 10);
        Assert.Equal(Reliability.KrippendorffAlpha([["research", "research"], ["labour", "labour"], ["research", "labour"], ["labour", Units.NotCoded]]), type.Alpha, 10);
        Assert.Equal(AlphaReading.Unreliable, type.Reading);
    }

    [Fact]
    public void The_confusion_matrix_has_a_not_coded_row_and_column()
    {
        var matrix = AgreementTables.Summarise([Pair()], Codebook, replicates: 10).Matrices.Single(m => m.Dimension == TermKind.LinkageType);
        Assert.Equal(["research", "labour", Units.NotCoded], matrix.Codes);
        Assert.Equal(1, matrix.Counts[0, 0]);
        Assert.Equal(1, matrix.Counts[0, 1]);
        Assert.Equal(1, matrix.Counts[1, 1]);
        Assert.Equal(1, matrix.Counts[1, 2]);
    }

    [Theory]
    [InlineData(0.800, AlphaReading.Reliable)]
    [InlineData(0.7999, AlphaReading.Tentative)]
    [InlineData(0.667, AlphaReading.Tentative)]
    [InlineData(0.666, AlphaReading.Unreliable)]
    [InlineData(double.NaN, AlphaReading.Undefined)]
    public void Alpha_is_read_against_the_conventional_thresholds(double alpha, AlphaReading verdict) =>
        Assert.Equal(verdict, AgreementTables.ReadingOf(alpha));

    [Fact]
    public void Tables_carry_code_names_in_the_readers_language_and_null_for_undefined_figures()
    {
        var tables = AgreementTables.Build(AgreementTables.Summarise([Pair()], Codebook, replicates: 10), Codebook);
        Assert.Equal(["Agreement by dimension", "Agreement by code (presence)", "Agreement by coder pair", "Agreement by transcript",
            "Confusion matrix: Linkage type", "Confusion matrix: Partner location", "Confusion matrix: Partner kind", "Confusion matrix: Nature",
            "Agreement on passages found", "Codes by coder: Linkage type", "Codes by coder: Partner location", "Codes by coder: Partner kind",
            "Codes by coder: Nature", "Agreement by thematic code (presence)"],
            tables.Select(t => t.Title));
        var byCode = tables[1];
        Assert.Contains(byCode.Rows, r => (string?)r[2] == "研发合作");
        Assert.All(tables[0].Rows, r => Assert.Equal(tables[0].Columns.Count, r.Length));
        Assert.Equal("(not coded)", tables[4].Rows.Last()[0]);
    }

    [Fact]
    public void Building_from_units_translates_the_fixed_words_and_is_reproducible()
    {
        var zh = new Dictionary<string, string> { ["Agreement by dimension"] = "按维度的一致性", ["Linkage type"] = "联系类型" };
        var first = AgreementTables.Build([Pair()], Codebook, s => zh.GetValueOrDefault(s, s), replicates: 50, seed: 9);
        var again = AgreementTables.Build([Pair()], Codebook, s => zh.GetValueOrDefault(s, s), replicates: 50, seed: 9);
        Assert.Equal("按维度的一致性", first[0].Title);
        Assert.Equal("联系类型", first[0].Rows.First()[1]);
        Assert.Equal(first.SelectMany(t => t.Rows.SelectMany(r => r)), again.SelectMany(t => t.Rows.SelectMany(r => r)));
    }

    [Fact]
    public void Tables_are_report_tables_whose_columns_say_counts_are_integers_and_coefficients_indices()
    {
        // The workbook writes a number only under a numeric kind and formats it by that kind (0.000 for indices).
        var tables = AgreementTables.Build(AgreementTables.Summarise([Pair()], Codebook, replicates: 10), Codebook);
        Assert.Equal(Enumerable.Range(1, 14).Select(i => $"Agreement {i}"), tables.Select(t => t.Name));
        ColumnKind Kind(ReportTable table, string header) => table.Columns.Single(c => c.Header == header).Kind;
        Assert.Equal([ColumnKind.Text, ColumnKind.Text, ColumnKind.Integer, ColumnKind.Index, ColumnKind.Text, ColumnKind.Integer],
            new[] { "Scope", "Dimension", "Units", "Krippendorff's alpha", "Verdict", "Replicates" }.Select(h => Kind(tables[0], h)));
        Assert.Equal(ColumnKind.Text, Kind(tables[1], "Code"));
        Assert.Equal([ColumnKind.Text, ColumnKind.Integer, ColumnKind.Integer, ColumnKind.Integer], tables[4].Columns.Select(c => c.Kind));
        var found = tables.Single(t => t.Title == "Agreement on passages found");
        Assert.Equal([ColumnKind.Text, ColumnKind.Integer, ColumnKind.Integer, ColumnKind.Integer, ColumnKind.Integer, ColumnKind.Index],
            found.Columns.Select(c => c.Kind));
        // 2·3 ÷ (4 + 3) = 0.857, printed as the page and the workbook print an index.
        Assert.Equal("0.857", ColumnFormats.Display(found.Rows.First()[5], found.Columns[5].Kind));
    }

    [Fact]
    public void Codes_nobody_applied_get_no_row()
    {
        var summary = AgreementTables.Summarise([Pair()], Codebook.Append(new CodeLabel(TermKind.PartnerKind, "investor", "投资机构")).ToList(), replicates: 10);
        Assert.DoesNotContain(summary.ByCode, r => r.Code == "investor");
        Assert.Contains(summary.ByCode, r => r.Code == "competitive");
    }

    [Fact]
    public void Undefined_figures_are_null_cells_not_zero()
    {
        // Both coders agree on one unit with one code only: alpha and kappa are undefined.
        var one = new CoderPairUnits(1, "T", "c1", "c2", Units.Match([Span(1, 0, "research")], [Span(2, 0, "research")], MatchRule.Default));
        var row = AgreementTables.Build(AgreementTables.Summarise([one], Codebook, replicates: 10), Codebook)[0].Rows.First();
        Assert.Equal(1.0, row[3]);
        Assert.Null(row[4]);
        Assert.Null(row[5]);
        Assert.Equal("undefined", row[6]);
        Assert.Null(row[7]);
        Assert.Equal(0, row[9]);
        Assert.Null(row[^3]);
        Assert.Equal(0, row[^1]);
    }

    [Fact]
    public void Cohens_kappa_is_left_out_of_pooled_rows_with_more_than_two_coders()
    {
        var third = Pair() with { CoderB = "coder3", TranscriptId = 2, Transcript = "Other" };
        var summary = AgreementTables.Summarise([Pair(), third], Codebook, replicates: 10);
        Assert.True(double.IsNaN(summary.ByDimension[0].Figures.Kappa));
        Assert.False(double.IsNaN(summary.ByPair[0].Figures.Kappa));
        Assert.Equal(2, summary.ByPair.Select(r => r.Scope).Distinct().Count());
    }

    [Fact]
    public void Intervals_stay_within_the_bootstrap_budget_for_a_large_study()
    {
        // 150 transcripts × 200 matched units = 30,000 units: 1,000 replicates would cost 30 million draws per figure.
        var pairs = Enumerable.Range(1, 150).Select(t => new CoderPairUnits(t, $"T{t}", "coder1", "coder2",
            Enumerable.Range(0, 200).Select(i => new Unit(Span(i, i * 20, i % 3 == 0 ? "labour" : "research"),
                Span(i + 1000, i * 20, i % 5 == 0 ? "labour" : "research"), 1)).ToList())).ToList();

        var summary = AgreementTables.Summarise(pairs, Codebook);

        var type = summary.ByDimension.Single(r => r.Dimension == TermKind.LinkageType).Figures;
        Assert.False(double.IsNaN(type.Alpha));
        Assert.Equal(1000, type.AlphaInterval.Replicates);
        Assert.True(type.Distribution.Draws <= 25 * 4, "Krippendorff's bootstrap draws at most 25 pairs per non-empty cell, whatever the units");
        Assert.True(type.ClusterInterval.Replicates == 0, "30,000 units is beyond the budget for 100 transcript resamples: no interval");
        Assert.All(summary.ByTranscript, r => Assert.Equal(0, r.Figures.AlphaInterval.Replicates));
        Assert.True(150 > AgreementTables.MaxTranscriptsWithIntervals);
    }

    [Fact]
    public void A_study_of_normal_size_gets_the_full_thousand_replicates()
    {
        var summary = AgreementTables.Summarise([Pair()], Codebook);
        Assert.Equal(1000, summary.ByDimension[0].Figures.AlphaInterval.Replicates);
        Assert.Equal(1000, summary.ByTranscript[0].Figures.AlphaInterval.Replicates);
    }

    [Fact]
    public void The_coding_basis_uses_only_passages_both_coders_found()
    {
        // Worked by hand: the three matched units are research/research, labour/labour, research/labour.
        // p_a = 2/3; α = 4/9 (see ReliabilityTests.Hand_computed_two_by_two_alpha); the codebook has q = 2 linkage
        // types, so Brennan–Prediger = (2/3 − 1/2) / (1/2) = 1/3, and π = (½, ½) gives AC1 = (2/3 − ½) / ½ = 1/3.
        var type = AgreementTables.Summarise([Pair()], Codebook, replicates: 100, basis: AgreementBasis.Coding)
            .ByDimension.Single(r => r.Dimension == TermKind.LinkageType).Figures;
        Assert.Equal(3, type.Units);
        Assert.Equal(2.0 / 3, type.Percent, 10);
        Assert.Equal(4.0 / 9, type.Alpha, 10);
        Assert.Equal(1.0 / 3, type.BrennanPrediger, 10);
        Assert.Equal(1.0 / 3, type.GwetAc1, 10);
    }

    [Fact]
    public void The_combined_basis_counts_not_coded_as_one_more_category_for_brennan_prediger()
    {
        // Worked by hand: 4 units, p_a = 1/2, q = 2 linkage types + "(not coded)" = 3: (1/2 − 1/3) / (2/3) = 1/4.
        var type = AgreementTables.Summarise([Pair()], Codebook, replicates: 100).ByDimension.Single(r => r.Dimension == TermKind.LinkageType).Figures;
        Assert.Equal(0.25, type.BrennanPrediger, 10);
    }

    [Fact]
    public void Agreement_on_passages_found_is_reported_apart_from_the_codes()
    {
        var summary = AgreementTables.Summarise([Pair()], Codebook, replicates: 10, basis: AgreementBasis.Coding);
        var all = summary.Unitizing[0];
        Assert.Equal((4, 3, 1, 0), (all.Units, all.Both, all.FirstOnly, all.SecondOnly));
        Assert.Equal(6.0 / 7, all.PositiveAgreement, 10);
        var table = AgreementTables.Build(summary, Codebook).Single(t => t.Title == "Agreement on passages found");
        Assert.Equal(["All transcripts", 4, 3, 1, 0, Math.Round(6.0 / 7, 3)], table.Rows.First());
    }

    [Fact]
    public void Each_coders_codes_are_counted_with_blanks_and_not_coded_apart()
    {
        var combined = AgreementTables.Summarise([Pair()], Codebook, replicates: 10).Marginals.Single(m => m.Dimension == TermKind.LinkageType);
        Assert.Equal(["research", "labour", AgreementTables.Blank, Units.NotCoded], combined.Codes);
        Assert.Equal([2, 2, 0, 0], Enumerable.Range(0, 4).Select(j => combined.Counts[0, j]));
        Assert.Equal([1, 2, 0, 1], Enumerable.Range(0, 4).Select(j => combined.Counts[1, j]));
        var coding = AgreementTables.Summarise([Pair()], Codebook, replicates: 10, basis: AgreementBasis.Coding).Marginals[0];
        Assert.DoesNotContain(Units.NotCoded, coding.Codes);
    }

    [Fact]
    public void Tables_show_replicates_used_q_brennan_prediger_and_ac1()
    {
        var table = AgreementTables.Build(AgreementTables.Summarise([Pair()], Codebook, replicates: 200, basis: AgreementBasis.Coding), Codebook)[0];
        var row = table.Rows.First();
        object? Cell(string header) => row[table.Columns.Select(c => c.Header).ToList().IndexOf(header)];
        Assert.Equal(200, Cell("Replicates"));
        Assert.IsType<double>(Cell("q (alpha < 0.800)"));
        Assert.Equal(Math.Round(1.0 / 3, 3), Cell("Brennan–Prediger kappa"));
        Assert.Equal(Math.Round(1.0 / 3, 3), Cell("Gwet's AC1"));
        Assert.Equal(0, Cell("Replicates, transcripts resampled"));
    }

    [Fact]
    public void Two_transcripts_get_an_interval_from_resampling_whole_transcripts()
    {
        var second = Pair() with { TranscriptId = 2, Transcript = "Other" };
        var type = AgreementTables.Summarise([Pair(), second], Codebook, replicates: 200).ByDimension[0].Figures;
        Assert.Equal(200, type.ClusterInterval.Replicates);
        Assert.Equal(200, type.ClusterInterval.Defined);
        Assert.InRange(type.Alpha, type.ClusterInterval.Lower - 1e-9, type.ClusterInterval.Upper + 1e-9);
    }

    // Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability", section A (binary data, two observers, ten
    // units): A = 0 1 0 0 0 0 0 0 1 0, B = 1 1 1 0 0 1 0 0 0 0 gives alpha = 1 − (n − 1)·o₀₁ ÷ (n₀·n₁) = 1 − 19·4 ÷ (14·6)
    // = 0.095. Here 1 means the passage carries the thematic code "why-park". By hand: percent 6/10 = 0.600; Cohen's
    // kappa (0.6 − 0.56) ÷ 0.44 = 0.091, chance being 0.2·0.4 + 0.8·0.6 = 0.56.
    static readonly int[] ThemeA = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    static readonly int[] ThemeB = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];

    static CodedSpan Themed(int id, int unit, bool whyPark) =>
        Span(id, unit * 20, "research") with { Themes = whyPark ? new HashSet<string> { "why-park" } : new HashSet<string>() };

    static readonly IReadOnlyList<CodeLabel> ThemeCodebook =
        [.. Codebook, new(TermKind.Theme, "why-park", "选址原因"), new(TermKind.Theme, "policy", "政策支持")];

    static CoderPairUnits ThemePair() => new(1, "Kangda", "coder1", "coder2", Units.Match(
        Enumerable.Range(0, 10).Select(u => Themed(u + 1, u, ThemeA[u] == 1)),
        Enumerable.Range(0, 10).Select(u => Themed(u + 101, u, ThemeB[u] == 1)), MatchRule.Default));

    [Fact]
    public void Agreement_per_thematic_code_reproduces_krippendorffs_binary_example()
    {
        var summary = AgreementTables.Summarise([ThemePair()], ThemeCodebook, replicates: 200, basis: AgreementBasis.Coding);
        var row = Assert.Single(summary.ByTheme);    // "policy" was applied by no one: no row of "undefined"
        Assert.Equal((TermKind.Theme, "why-park"), (row.Dimension, row.Code));
        Assert.Equal(10, row.Figures.Units);
        Assert.Equal(0.600, row.Figures.Percent, 3);
        Assert.Equal(0.091, row.Figures.Kappa, 3);
        Assert.Equal(0.095, row.Figures.Alpha, 3);
        Assert.Equal(200, row.Figures.AlphaInterval.Replicates);
        Assert.DoesNotContain(summary.ByCode, r => r.Dimension == TermKind.Theme);
    }

    [Fact]
    public void A_thematic_passage_the_other_coder_missed_counts_as_absent_in_the_combined_figure()
    {
        // Coder 1 also marks an eleventh passage with "why-park"; coder 2 has nothing there: yes against no.
        var pair = ThemePair();
        var extra = pair with { Units = [.. pair.Units, new Unit(Themed(11, 10, true), null, 0)] };
        var combined = AgreementTables.Summarise([extra], ThemeCodebook, replicates: 10).ByTheme.Single().Figures;
        Assert.Equal(11, combined.Units);
        Assert.Equal(6.0 / 11, combined.Percent, 10);
        var coding = AgreementTables.Summarise([extra], ThemeCodebook, replicates: 10, basis: AgreementBasis.Coding).ByTheme.Single().Figures;
        Assert.Equal(10, coding.Units);
    }

    [Fact]
    public void The_thematic_code_table_comes_last_with_the_codes_name()
    {
        var table = AgreementTables.Build(AgreementTables.Summarise([ThemePair()], ThemeCodebook, replicates: 10, basis: AgreementBasis.Coding), ThemeCodebook)[^1];
        Assert.Equal("Agreement by thematic code (presence)", table.Title);
        var row = Assert.Single(table.Rows);
        Assert.Equal(["All transcripts", "Thematic code", "选址原因"], row.Take(3));
        Assert.Equal(0.095, row[table.Columns.Select(c => c.Header).ToList().IndexOf("Krippendorff's alpha")]);
    }
}
