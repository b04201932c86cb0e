using System.Globalization;
using FieldSurvey.Core.Exports;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Web.Infrastructure;

namespace FieldSurvey.Web.Reporting;

/// <summary>
/// Issue 19's section of the report presentation: n beside every share, intervals, Duncan's bias and permutation
/// test, the verdict's stability, the threshold grid, the survey indicators and the triangulation of the three
/// sources (with the evidence behind each count one click away), every word through <c>say</c>, the string table.
/// </summary>
public static class UncertaintySection
{
    public const string CurrentMark = "*";

    // Sheet names through the string table; ids (download links, test ids) stay English.
    static IReadOnlyList<ReportTable> All(LoadedReport r, ReportFormat f) =>
        new[] { Shares(r, f), Dissimilarity(r, f), Stability(r, f), Grid(r, f), SurveySection.Survey(r, f), Triangulation(r, f) }
            .Select(t => t with { Id = t.Name.ToLowerInvariant().Replace(' ', '-'), Name = f.Say(t.Name) }).ToList();

    public const string SectionTitle = "How sure is the finding? Intervals, stability, thresholds and the three sources";

    public static ReportSection Build(LoadedReport r, ReportFormat f)
    {
        var tables = All(r, f);
        var notes = Notes(r, f);
        return new("uncertainty", f.Say(SectionTitle),
        [
            new TextBlock(notes[0], Note: true, TestId: "uncertainty-method"),
            new TextBlock(notes[1], Note: true),
            new TableBlock(tables[0]), new TableBlock(tables[1]), new TableBlock(tables[2]),
            new TextBlock(notes[2], Note: true),
            new TableBlock(tables[3]),
            new TextBlock(notes[3], Note: true),
            new TableBlock(tables[4]),
            new TextBlock(notes[4], Note: true),
            new TableBlock(tables[5]),
            new TextBlock(notes[5], Note: true, TestId: "methods"),
        ]);
    }

    /// <summary>The notes that explain the tables, in the reader's language; the last is the methods paragraph.</summary>
    public static IReadOnlyList<string> Notes(LoadedReport r, ReportFormat f)
    {
        var u = r.Report.Uncertainty;
        return
        [
            f.Say(UncertaintyReport.Method, N(u.Resamples), N(u.Seed)),
            f.Say(UncertaintyReport.DuncanNote, N(u.Resamples)),
            f.Say(GridNote, CurrentMark),
            f.Say(SurveySection.Note),
            f.Say(Core.Reporting.Triangulation.Explanation),
            f.Say(UncertaintyReport.Methods, N(u.Resamples), N(u.Seed), N(u.Resamples)),
        ];
    }

    public const string GridNote = "Threshold grid: the suggested verdict if the dissimilarity threshold (rows) and the cross-cluster share threshold for collaborating (columns) were set otherwise; every other part of the rule stays as it is. {0} marks the current thresholds.";

    static string N(int n) => ReportFormat.N(n);
    static string Range(Interval i, bool share = true) => ReportFormat.Range(i, share);

    public static ReportTable Shares(LoadedReport r, ReportFormat f)
    {
        var rows = new List<object?[]>();
        foreach (var set in new[] { r.Report.Configuration }.Concat(r.Report.Pairs))
        {
            if (r.Report.Uncertainty.For(set.Key) is not { } u) continue;
            var any = u.AnyLink;
            rows.Add([f.SetName(set.Key), f.Say("Any linkage type"), null, null, null, any.Firms, any.Of, any.Share, Range(any.Interval)]);
            foreach (var s in set.Shares)
            {
                var firms = u.FirmShares.First(x => x.LinkageType == s.LinkageType);
                rows.Add([f.SetName(set.Key), f.TypeName(s.LinkageType), s.NoEvidence ? null : s.Share, Range(u.ShareOf(s.LinkageType)),
                    $"{N(s.Cross)} / {N(s.Within + s.Cross)}", firms.Firms, firms.Of, firms.Share, Range(firms.Interval)]);
            }
        }
        return new("Intervals", f.Say("Cross-cluster shares with 95 % intervals, and the firms behind them"),
            [new(f.Say("Parks"), Width: 16), new(f.Say("Linkage type"), Width: 26), new(f.Say("Cross-cluster share of mentions"), ColumnKind.Share),
             new(f.Say("95 % interval (firms resampled)"), Width: 18), new(f.Say("Mentions: cross / (within + cross)"), Width: 14),
             new(f.Say("Firms with a cross-cluster link"), ColumnKind.Integer), new(f.Say("Firms"), ColumnKind.Integer, 8),
             new(f.Say("Share of firms"), ColumnKind.Share), new(f.Say("95 % interval (Wilson)"), Width: 18)], rows);
    }

    public static ReportTable Dissimilarity(LoadedReport r, ReportFormat f) => new("Dissimilarity uncertainty",
        f.Say("Duncan's index: interval, small-sample bias and the chance of an index this large"),
        [new(f.Say("Parks"), Width: 16), new(f.Say("Duncan's index"), ColumnKind.Index), new(f.Say("95 % interval (firms resampled)"), Width: 18),
         new(f.Say("Bias-corrected index"), ColumnKind.Index), new(f.Say("Chance level (same profile)"), ColumnKind.Index),
         new(f.Say("p (same profile)"), ColumnKind.Index), new(f.Say("Firms"), ColumnKind.Integer, 8)],
        r.Report.Uncertainty.Sets.Select(u => new object?[] { f.SetName(u.Key), u.Dissimilarity.Observed, Range(u.Dissimilarity.Interval, share: false),
            u.Dissimilarity.Corrected, u.Dissimilarity.NullMean, u.Dissimilarity.PValue, u.Firms }).ToList());

    public static ReportTable Stability(LoadedReport r, ReportFormat f)
    {
        var u = r.Report.Uncertainty;
        var columns = new List<Column> { new(f.Say("Parks"), Width: 16), new(f.Say("Suggested verdict"), Width: 16) };
        columns.AddRange(Enum.GetValues<Verdict>().Select(v => new Column(f.Say(v.Label()), ColumnKind.Share, 12)));
        columns.AddRange([new(f.Say("Firms"), ColumnKind.Integer, 8), new(f.Say("Mentions"), ColumnKind.Integer, 10)]);
        var sets = new[] { r.Report.Configuration }.Concat(r.Report.Pairs).ToDictionary(s => s.Key);
        return new("Verdict stability", f.Say("How often each verdict results in {0} resamples of firms within parks", N(u.Resamples)), columns,
            r.Report.Classifications.Where(c => u.For(c.Key) is not null).Select(c =>
            {
                var st = u.For(c.Key)!.Stability;
                return new object?[] { f.SetName(c.Key), f.Say(c.Verdict.Label()) }
                    .Concat(Enum.GetValues<Verdict>().Select(v => (object?)st.Share(v)))
                    .Concat([u.For(c.Key)!.Firms, sets[c.Key].MentionsPerPark.Values.Sum()]).ToArray();
            }).ToList());
    }

    public static ReportTable Grid(LoadedReport r, ReportFormat f)
    {
        var grids = r.Report.Grids;
        var axis = grids.FirstOrDefault()?.Share ?? [];
        var columns = new List<Column> { new(f.Say("Parks"), Width: 16), new(f.Say("Dissimilarity threshold"), ColumnKind.Index, 12) };
        columns.AddRange(axis.Select(s => new Column(f.Say("Share threshold {0}", s.ToString("0.00", CultureInfo.InvariantCulture)), Width: 14)));
        var rows = grids.SelectMany(g => g.Dissimilarity.Select((d, i) => new object?[] { f.SetName(g.Key), d }
            .Concat(g.Share.Select((_, j) => (object?)(f.Say(g.At(i, j).Label()) + (i == g.CurrentRow && j == g.CurrentColumn ? " " + CurrentMark : "")))).ToArray())).ToList();
        return new("Threshold grid", f.Say("The suggested verdict under other thresholds"), columns, rows);
    }

    public static string LeanKey(Lean lean) => lean switch
    {
        Lean.TowardsCollaborating => "towards collaborating", Lean.TowardsCompeting => "towards competing",
        Lean.Between => "in between", _ => "no evidence",
    };

    public static string Reading(SourceReading x, ReportFormat f) => x.Lean == Lean.NoEvidence ? f.Say("no evidence")
        : f.Say("{0} (n {1}, {2} firms): {3}", ReportFormat.Pct(x.Value), N(x.N), N(x.Firms), f.Say(LeanKey(x.Lean)));

    public static string IndicatorName(string indicator, ReportFormat f) =>
        indicator == Core.Reporting.Triangulation.Nature ? f.Say("Nature: collaborative ÷ (collaborative + competitive)") : f.TypeName(indicator);

    public static ReportTable Triangulation(LoadedReport r, ReportFormat f) => new("Triangulation",
        f.Say("Triangulation: what coded passages, partner lists and survey answers say"),
        [new(f.Say("Parks"), Width: 16), new(f.Say("Indicator"), Width: 30), new(f.Say("Coded passages"), Width: 30), new(f.Say("Partner lists"), Width: 30),
         new(f.Say("Survey answers"), Width: 30), new(f.Say("Sources agree?"), Width: 12)],
        r.Report.Triangulation.Select(t => new object?[] { f.SetName(t.Key), IndicatorName(t.Indicator, f),
            Linked(r, t, SourceFilter.Coded, Reading(t.Coded, f)), Linked(r, t, SourceFilter.PartnerList, Reading(t.PartnerList, f)),
            SurveyLinked(r, t, Reading(t.Survey, f)),
            new Cell(f.Say(t.Disagree ? "they disagree" : "Yes"), $"agree-{t.Key}-{t.Indicator}", Tone: t.Disagree ? "warning" : null) }).ToList(),
        "triangulation");

    // The evidence one click away: the passages (or partner-list rows) behind a reading. For a pair, the list of the
    // first park's mentions of the second; the evidence page lists one focal park and one location at a time.
    static Cell Linked(LoadedReport r, TriangulationRow t, SourceFilter source, string text)
    {
        var values = r.Filter with { Source = source } is var f ? f.RouteValues() : [];
        var parks = t.Key == Indicators.All ? r.Report.ParkCodes.ToArray() : t.Key.Split('-');
        values["focal"] = parks[0];
        values["location"] = parks[1];
        if (t.Indicator != Core.Reporting.Triangulation.Nature) values["type"] = t.Indicator;
        return new Cell(text, $"triangulation-{source}-{t.Key}-{t.Indicator}", values);
    }

    // The survey reading's answers: the survey evidence page, for the survey figure the row reads (none for research).
    static object SurveyLinked(LoadedReport r, TriangulationRow t, string text) => t.Survey.Lean == Lean.NoEvidence ? text : t.Indicator switch
    {
        "supplier" => SurveySection.Link(r, t.Key, SurveyFigure.Inputs, text, $"triangulation-Survey-{t.Key}-{t.Indicator}"),
        "customer" => SurveySection.Link(r, t.Key, SurveyFigure.Sales, text, $"triangulation-Survey-{t.Key}-{t.Indicator}"),
        NatureCodes.Labour => SurveySection.Link(r, t.Key, SurveyFigure.Mobility, text, $"triangulation-Survey-{t.Key}-{t.Indicator}"),
        Core.Reporting.Triangulation.Knowledge => SurveySection.Link(r, t.Key, SurveyFigure.Contact, text, $"triangulation-Survey-{t.Key}-{t.Indicator}"),
        Core.Reporting.Triangulation.Nature => SurveySection.Link(r, t.Key, SurveyFigure.Relations, text, $"triangulation-Survey-{t.Key}-{t.Indicator}"),
        _ => text,
    };
}
