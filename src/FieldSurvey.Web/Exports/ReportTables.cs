using System.Globalization;
using FieldSurvey.Core.Exports;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Pages.Reports;

namespace FieldSurvey.Web.Exports;

/// <summary>The report as tables, in one place, so the workbook and the CSV files show the same figures as the page.</summary>
public static class ReportTables
{
    public static IReadOnlyList<ReportTable> All(LoadedReport r, bool includePersonalData) =>
        [.. Matrices(r), Scopes(r), Profiles(r), Dissimilarity(r), CrossClusterShares(r), NatureAndLabour(r),
         Classification(r), CountingBasis(r), Sources(r), Disagreements(r), Passages(r, includePersonalData)];

    /// <summary>The words the exports print for a provisional passage and for a type without evidence.</summary>
    public const string ProvisionalText = "provisional", DecidedText = "decided", NoEvidenceText = "no evidence";

    /// <summary>How many transcripts have each basis, and how many counted passages are provisional (issue 18).</summary>
    public static ReportTable CountingBasis(LoadedReport r) => new("Counting basis", "Which coded passages count: transcripts by basis, provisional passages",
        [new("Basis", Width: 30), new("Transcripts", ColumnKind.Integer, 12), new("Note", Width: 80)],
        ReportFormat.Bases.Select(b => new object?[] { BasisName(b), r.Report.TranscriptsWith(b), null })
            .Append(new object?[] { "Provisional passages counted", r.Report.ProvisionalMentions, "Coded passages of units the PI has not decided yet, counted from the counting coder: labelled provisional." })
            .Append(new object?[] { "Interviews", null, r.Filter.InterviewsText }).ToList());

    public static string BasisName(TranscriptBasis b) => b switch
    {
        TranscriptBasis.Complete => "adjudication complete", TranscriptBasis.Partial => "adjudication partial",
        TranscriptBasis.None => "adjudication none", TranscriptBasis.SingleCoder => "one coder", _ => "not coded",
    };

    /// <summary>Each source's three-park figures beside the other's, and the combined view (one relation once).</summary>
    public static ReportTable Sources(LoadedReport r)
    {
        var sides = r.Report.Sides ?? [];
        var columns = new List<Column> { new("Linkage type", Width: 28) };
        foreach (var side in sides)
            columns.AddRange([new($"{side.Kind} within", ColumnKind.Integer, 12), new($"{side.Kind} cross", ColumnKind.Integer, 12),
                new($"{side.Kind} share", ColumnKind.Share, 12), new($"{side.Kind} evidence", Width: 12)]);
        var rows = r.Report.Input.LinkageTypes.Select(type => new object?[] { $"{type.NameEn} {type.NameZh}" }
            .Concat(sides.SelectMany(side => side.Configuration.Shares.First(x => x.LinkageType == type.Code) is var t
                ? new object?[] { t.Within, t.Cross, t.Share, t.NoEvidence ? NoEvidenceText : null } : [])).ToArray()).ToList();
        return new ReportTable("Sources side by side", "Coded passages and partner lists side by side; Combined counts one relation (firm, partner, linkage type) once", columns, rows);
    }

    public static IEnumerable<ReportTable> Matrices(LoadedReport r) =>
        new[] { r.Report.Total }.Concat(r.Report.ByType).Select(m => Matrix(r, m));

    static ReportTable Matrix(LoadedReport r, MatrixTable m)
    {
        var type = r.Type(m.LinkageType);
        var columns = new List<Column> { new("Focal park", Width: 8), new("Park name", Width: 30) };
        foreach (var l in m.Locations)
            columns.AddRange([new($"{l} mentions", ColumnKind.Integer, 10), new($"{l} firms", ColumnKind.Integer, 9), new($"{l} row share", ColumnKind.Share, 10)]);
        columns.AddRange([new("Total mentions", ColumnKind.Integer, 10), new("Total firms", ColumnKind.Integer, 10)]);
        var rows = m.Parks.Select((p, i) =>
        {
            var row = new List<object?> { p, $"{r.Park(p).NameEn} {r.Park(p).NameZh}" };
            for (var c = 0; c < m.Locations.Count; c++) row.AddRange([m.Cells[i, c].Mentions, m.Cells[i, c].Firms, m.RowShare(i, c)]);
            row.AddRange([m.RowTotals[i].Mentions, m.RowTotals[i].Firms]);
            return row.ToArray();
        }).ToList();
        return new ReportTable($"Matrix {type.Code}", $"Linkage matrix: {type.NameEn} {type.NameZh}", columns, rows);
    }

    public static ReportTable Scopes(LoadedReport r)
    {
        var columns = new List<Column> { new("Park", Width: 8) };
        foreach (var s in ScopeShares.All) columns.AddRange([new($"{s} mentions", ColumnKind.Integer, 12), new($"{s} share", ColumnKind.Share, 12)]);
        columns.Add(new("Total", ColumnKind.Integer, 10));
        var rows = r.Report.Scopes.Select(s => new object?[] { s.Park }
            .Concat(ScopeShares.All.SelectMany(x => new object?[] { s.Mentions[x], s.Share(x) })).Append(s.Total).ToArray()).ToList();
        return new ReportTable("Scope shares", "Mentions by scope per park", columns, rows);
    }

    public static ReportTable Profiles(LoadedReport r)
    {
        var acts = r.Report.Input.Activities;
        var columns = new List<Column> { new("Park", Width: 8), new("Interviewed firms", ColumnKind.Integer, 12) };
        columns.AddRange(acts.Select(a => new Column($"{a.NameEn} {a.NameZh}", ColumnKind.Share, 16)));
        var rows = r.Report.ParkCodes.Select(p => new object?[] { p, r.Report.Input.Firms.Count(f => f.Park == p) }
            .Concat(r.Report.Profiles[p].Select(x => (object?)x)).ToArray()).ToList();
        return new ReportTable("Specialisation", "Value-chain specialisation profile per park (share of activity mentions, answer A6)", columns, rows);
    }

    public static ReportTable Dissimilarity(LoadedReport r) => new("Dissimilarity", "Duncan's dissimilarity index ½·Σ|pᵢ − qᵢ| between parks",
        [new("Pair", Width: 12), new("Duncan's index", ColumnKind.Index, 14)],
        r.Report.Pairs.Select(p => new object?[] { p.Key, p.Dissimilarity })
            .Append(new object?[] { $"all (lowest pair{(r.Report.Configuration.LowestPair is { } l ? ": " + l : "")})", r.Report.Configuration.Dissimilarity }).ToList());

    static IEnumerable<IndicatorSet> Sets(LoadedReport r) => new[] { r.Report.Configuration }.Concat(r.Report.Pairs).Concat(r.Report.ParkIndicators);

    public static ReportTable CrossClusterShares(LoadedReport r) => new("Cross-cluster shares",
        "Cross-cluster share per linkage type = cross ÷ (within + cross); Beijing, China and abroad are ignored",
        [new("Scope", Width: 12), new("Linkage type", Width: 28), new("Within-cluster", ColumnKind.Integer, 12), new("Cross-cluster", ColumnKind.Integer, 12),
         new("Cross-cluster share", ColumnKind.Share, 14), new("Firms reporting cross", ColumnKind.Integer, 14), new("Evidence", Width: 12)],
        Sets(r).SelectMany(s => s.Shares.Select(t => new object?[] { s.Key, $"{r.Type(t.LinkageType).NameEn} {r.Type(t.LinkageType).NameZh}", t.Within, t.Cross, t.Share, t.CrossFirms,
            t.NoEvidence ? NoEvidenceText : null })).ToList());

    public static ReportTable NatureAndLabour(LoadedReport r) => new("Nature and labour",
        "Collaborative vs competitive cross-cluster mentions; labour mobility between parks",
        [new("Scope", Width: 12), new("Collaborative", ColumnKind.Integer, 13), new("Competitive", ColumnKind.Integer, 13),
         new("Labour-market mentions", ColumnKind.Integer, 14), new("Labour-market firms", ColumnKind.Integer, 14)],
        Sets(r).Select(s => new object?[] { s.Key, s.Collaborative, s.Competitive, s.Labour.Mentions, s.Labour.Firms }).ToList());

    public static ReportTable Classification(LoadedReport r) => new("Classification", "Suggested classification and the PI's final judgement",
        [new("Scope", Width: 10), new("Suggested", Width: 18), new("Reasons", Width: 80), new("Rule", Width: 60),
         new("Final judgement", Width: 18), new("Rationale", Width: 60), new("Decided by", Width: 20), new("Decided at (UTC)", Width: 18)],
        r.Report.Classifications.Select(c =>
        {
            var j = r.Judgements.GetValueOrDefault(c.Key);
            return new object?[] { c.Key, c.Verdict.ToString(), string.Join("\n", c.Reasons), c.RuleText, j?.Verdict.ToString(), j?.Rationale,
                j is null ? null : r.UserNames.GetValueOrDefault(j.DecidedById), j?.DecidedAtUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) };
        }).ToList());

    public static ReportTable Disagreements(LoadedReport r) => new("Disagreements", "Linkages in one source but not the other (firms with both sources)",
        [new("Firm", Width: 40), new("Linkage type", Width: 16), new("Partner location", Width: 14), new("Coded passages", ColumnKind.Integer, 12), new("Partner-list rows", ColumnKind.Integer, 12)],
        r.Report.Disagreements.Select(d => new object?[] { r.FirmDisplay(d.FirmId), d.LinkageType, d.PartnerLocation, d.Coded, d.PartnerList }).ToList());

    /// <summary>Every counted mention with its codes (lazy: this is the big one). Respondent names only on request.</summary>
    public static ReportTable Passages(LoadedReport r, bool includePersonalData)
    {
        var columns = new List<Column> { new("Source", Width: 12), new("Evidence id", ColumnKind.Integer, 10), new("Firm", Width: 36), new("Focal park", Width: 8),
            new("Linkage type", Width: 12), new("Partner location", Width: 10), new("Scope", Width: 14), new("Nature", Width: 14),
            new("Partner name", Width: 24), new("Quote or entry", Width: 80), new("Coder", Width: 20), new("Status", Width: 12) };
        if (includePersonalData) columns.Add(new("Respondent", Width: 20));
        return new ReportTable("Passages", "Counted evidence: coded passages and partner-list rows with their codes", columns, Rows());

        IEnumerable<object?[]> Rows()
        {
            foreach (var m in r.Report.Counted)
            {
                var row = new object?[columns.Count];
                row[0] = m.Source == MentionSource.Coded ? "coded" : "partner list";
                row[1] = m.EvidenceId; row[2] = r.FirmDisplay(m.FirmId); row[3] = m.FocalPark; row[4] = m.LinkageType;
                row[5] = m.PartnerLocation; row[6] = ScopeName(m.Scope); row[7] = m.Nature; row[8] = m.PartnerName; row[9] = m.Text; row[10] = m.Coder;
                row[11] = m.Source == MentionSource.PartnerList ? null : m.Provisional ? ProvisionalText : DecidedText;
                if (includePersonalData) row[12] = r.Respondents.GetValueOrDefault(m.InterviewId);
                yield return row;
            }
        }
    }

    public static string ScopeName(Scope s) => s switch
    {
        Scope.WithinCluster => "within-cluster", Scope.CrossCluster => "cross-cluster", Scope.Metropolitan => "metropolitan",
        Scope.National => "national", _ => "international",
    };
}
