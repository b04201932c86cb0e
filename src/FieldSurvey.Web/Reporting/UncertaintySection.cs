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
    static IReadOnlyList<ReportTable> All(LoadedReport r, Func<string, string> say) =>
        new[] { Shares(r, say), Dissimilarity(r, say), Stability(r, say), Grid(r, say), Survey(r, say), Triangulation(r, say) }
            .Select(t => t with { Id = t.Name.ToLowerInvariant().Replace(' ', '-'), Name = say(t.Name) }).ToList();

    public const string SectionTitle = "How sure is the finding? Intervals, stability, thresholds and the three sources";

    public static ReportSection Build(LoadedReport r, Func<string, string> say)
    {
        var tables = All(r, say);
        var notes = Notes(r, say);
        return new("uncertainty", say(SectionTitle),
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
        ]);
    }

    /// <summary>The notes that explain the tables, in the reader's language.</summary>
    public static IReadOnlyList<string> Notes(LoadedReport r, Func<string, string> say)
    {
        var u = r.Report.Uncertainty;
        return
        [
            Format(say(UncertaintyReport.Method), N(u.Resamples), N(u.Seed)),
            Format(say(UncertaintyReport.DuncanNote), N(u.Resamples)),
            Format(say(GridNote), CurrentMark),
            say(SurveyNote),
            say(Core.Reporting.Triangulation.Explanation),
        ];
    }

    public const string GridNote = "Threshold grid: the suggested verdict if the dissimilarity threshold (rows) and the cross-cluster share threshold for collaborating (columns) were set otherwise; every other part of the rule stays as it is. {0} marks the current thresholds.";
    public const string SurveyNote = "Survey answers: C3 and C4 give the share of a firm's inputs bought from and of its sales made to the other parks, averaged over firms (firm-weighted) and weighted by employees (A2); D2 and D3 count hires from and departures to firms in the other parks in the last three years (the question asks about both other parks, so a pair's figure includes the third park); F1–F3 ask whether the other park's firms are partners, competitors, both or neither (one answer per firm and other park).";

    static string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, key, args);
    static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
    static string Pct(double d) => double.IsNaN(d) ? "–" : d.ToString(ColumnFormats.Share, CultureInfo.InvariantCulture);
    static string Idx(double d) => double.IsNaN(d) ? "–" : d.ToString(ColumnFormats.Index, CultureInfo.InvariantCulture);
    static string Range(Interval i, bool share = true) => !i.Defined ? "–"
        : share ? $"{Pct(i.Low)} – {Pct(i.High)}" : $"{Idx(i.Low)} – {Idx(i.High)}";
    static string SetName(string key, Func<string, string> say) => key == Indicators.All ? say("All three parks") : key;
    // The reader's language picks the name, as in the rest of the report (ReportPresentation.Name).
    static string TypeName(LoadedReport r, string? code) => code is null ? "" : r.Type(code).Name(DisplayNames.Chinese);

    public static ReportTable Shares(LoadedReport r, Func<string, string> say)
    {
        var rows = new List<object?[]>();
        foreach (var set in new[] { r.Report.Configuration }.Concat(r.Report.Pairs))
        {
            if (r.Report.Uncertainty.For(set.Key) is not { } u) continue;
            var any = u.AnyLink;
            rows.Add([SetName(set.Key, say), say("Any linkage type"), null, null, null, any.Firms, any.Of, any.Share, Range(any.Interval)]);
            foreach (var s in set.Shares)
            {
                var firms = u.FirmShares.First(f => f.LinkageType == s.LinkageType);
                rows.Add([SetName(set.Key, say), TypeName(r, s.LinkageType), s.NoEvidence ? null : s.Share, Range(u.ShareOf(s.LinkageType)),
                    $"{N(s.Cross)} / {N(s.Within + s.Cross)}", firms.Firms, firms.Of, firms.Share, Range(firms.Interval)]);
            }
        }
        return new("Intervals", say("Cross-cluster shares with 95 % intervals, and the firms behind them"),
            [new(say("Parks"), Width: 16), new(say("Linkage type"), Width: 26), new(say("Cross-cluster share of mentions"), ColumnKind.Share),
             new(say("95 % interval (firms resampled)"), Width: 18), new(say("Mentions: cross / (within + cross)"), Width: 14),
             new(say("Firms with a cross-cluster link"), ColumnKind.Integer), new(say("Firms"), ColumnKind.Integer, 8),
             new(say("Share of firms"), ColumnKind.Share), new(say("95 % interval (Wilson)"), Width: 18)], rows);
    }

    public static ReportTable Dissimilarity(LoadedReport r, Func<string, string> say) => new("Dissimilarity uncertainty",
        say("Duncan's index: interval, small-sample bias and the chance of an index this large"),
        [new(say("Parks"), Width: 16), new(say("Duncan's index"), ColumnKind.Index), new(say("95 % interval (firms resampled)"), Width: 18),
         new(say("Bias-corrected index"), ColumnKind.Index), new(say("Chance level (same profile)"), ColumnKind.Index),
         new(say("p (same profile)"), ColumnKind.Index), new(say("Firms"), ColumnKind.Integer, 8)],
        r.Report.Uncertainty.Sets.Select(u => new object?[] { SetName(u.Key, say), u.Dissimilarity.Observed, Range(u.Dissimilarity.Interval, share: false),
            u.Dissimilarity.Corrected, u.Dissimilarity.NullMean, u.Dissimilarity.PValue, u.Firms }).ToList());

    public static ReportTable Stability(LoadedReport r, Func<string, string> say)
    {
        var u = r.Report.Uncertainty;
        var columns = new List<Column> { new(say("Parks"), Width: 16), new(say("Suggested verdict"), Width: 16) };
        columns.AddRange(Enum.GetValues<Verdict>().Select(v => new Column(say(v.Label()), ColumnKind.Share, 12)));
        columns.AddRange([new(say("Firms"), ColumnKind.Integer, 8), new(say("Mentions"), ColumnKind.Integer, 10)]);
        var sets = new[] { r.Report.Configuration }.Concat(r.Report.Pairs).ToDictionary(s => s.Key);
        return new("Verdict stability", Format(say("How often each verdict results in {0} resamples of firms within parks"), N(u.Resamples)), columns,
            r.Report.Classifications.Where(c => u.For(c.Key) is not null).Select(c =>
            {
                var st = u.For(c.Key)!.Stability;
                return new object?[] { SetName(c.Key, say), say(c.Verdict.Label()) }
                    .Concat(Enum.GetValues<Verdict>().Select(v => (object?)st.Share(v)))
                    .Concat([u.For(c.Key)!.Firms, sets[c.Key].MentionsPerPark.Values.Sum()]).ToArray();
            }).ToList());
    }

    public static ReportTable Grid(LoadedReport r, Func<string, string> say)
    {
        var grids = r.Report.Grids;
        var axis = grids.FirstOrDefault()?.Share ?? [];
        var columns = new List<Column> { new(say("Parks"), Width: 16), new(say("Dissimilarity threshold"), ColumnKind.Index, 12) };
        columns.AddRange(axis.Select(s => new Column(Format(say("Share threshold {0}"), s.ToString("0.00", CultureInfo.InvariantCulture)), Width: 14)));
        var rows = grids.SelectMany(g => g.Dissimilarity.Select((d, i) => new object?[] { SetName(g.Key, say), d }
            .Concat(g.Share.Select((_, j) => (object?)(say(g.At(i, j).Label()) + (i == g.CurrentRow && j == g.CurrentColumn ? " " + CurrentMark : "")))).ToArray())).ToList();
        return new("Threshold grid", say("The suggested verdict under other thresholds"), columns, rows);
    }

    public static ReportTable Survey(LoadedReport r, Func<string, string> say)
    {
        var rows = new List<object?[]>();
        foreach (var s in r.Report.Survey)
        {
            var set = SetName(s.Key, say);
            void Split(string label, SplitIndicator x)
            {
                rows.Add([set, label, x.FirmWeighted, Range(x.Interval), x.EmployeeWeighted, x.Firms, x.EmployeeFirms]);
                rows.Add([set, label + " — " + say("÷ (own park + other parks)"), x.CrossShare, null, null, x.Firms, null]);
            }
            Split(say("C3: inputs bought from the other parks"), s.Inputs);
            Split(say("C4: sales made to the other parks"), s.Sales);
            var m = s.Mobility;
            rows.Add([set, Format(say("D2/D3: firms with a hire from or a departure to the other parks (hires {0}, departures {1})"), N(m.Hires), N(m.Departures)),
                m.Share, Range(m.Interval), null, m.Firms, null]);
            foreach (var code in new[] { SurveyQuestions.Partners, SurveyQuestions.Competitors, SurveyQuestions.Both, SurveyQuestions.Neither })
                rows.Add([set, Format(say("F1–F3: the other park's firms are {0}"), say(AnswerKey(code))), s.Relations.Share(code),
                    Range(s.Relations.Interval(code)), null, s.Relations.Answers, null]);
        }
        return new("Survey answers", say("Survey answers as a third source (C3/C4, D2/D3, F1–F3)"),
            [new(say("Parks"), Width: 16), new(say("Indicator"), Width: 50), new(say("Firm-weighted"), ColumnKind.Share),
             new(say("95 % interval"), Width: 18), new(say("Employee-weighted"), ColumnKind.Share), new(say("Firms (answers)"), ColumnKind.Integer, 10),
             new(say("Firms with employees (A2)"), ColumnKind.Integer, 10)], rows);
    }

    public static string AnswerKey(string code) => code switch
    {
        SurveyQuestions.Partners => "partners", SurveyQuestions.Competitors => "competitors", SurveyQuestions.Both => "both", _ => "neither",
    };

    public static string LeanKey(Lean lean) => lean switch
    {
        Lean.TowardsCollaborating => "towards collaborating", Lean.TowardsCompeting => "towards competing",
        Lean.Between => "in between", _ => "no evidence",
    };

    public static string Reading(SourceReading x, Func<string, string> say) => x.Lean == Lean.NoEvidence ? say("no evidence")
        : Format(say("{0} (n {1}, {2} firms): {3}"), Pct(x.Value), N(x.N), N(x.Firms), say(LeanKey(x.Lean)));

    public static string IndicatorName(LoadedReport r, string indicator, Func<string, string> say) =>
        indicator == Core.Reporting.Triangulation.Nature ? say("Nature: collaborative ÷ (collaborative + competitive)") : TypeName(r, indicator);

    public static ReportTable Triangulation(LoadedReport r, Func<string, string> say) => new("Triangulation",
        say("Triangulation: what coded passages, partner lists and survey answers say"),
        [new(say("Parks"), Width: 16), new(say("Indicator"), Width: 30), new(say("Coded passages"), Width: 30), new(say("Partner lists"), Width: 30),
         new(say("Survey answers"), Width: 30), new(say("Sources agree?"), Width: 12)],
        r.Report.Triangulation.Select(t => new object?[] { SetName(t.Key, say), IndicatorName(r, t.Indicator, say),
            Linked(r, t, SourceFilter.Coded, Reading(t.Coded, say)), Linked(r, t, SourceFilter.PartnerList, Reading(t.PartnerList, say)),
            Reading(t.Survey, say), new Cell(say(t.Disagree ? "they disagree" : "yes"), $"agree-{t.Key}-{t.Indicator}", Tone: t.Disagree ? "warning" : null) }).ToList(),
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
}
