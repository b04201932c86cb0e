using System.Globalization;
using FieldSurvey.Core.Exports;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Reporting;

/// <summary>
/// Builds the <see cref="ReportView"/> from Core's computed report, in the current UI culture, through the string
/// table. What the report shows — sections and their order, labels, formats, notes, which rendering shows what —
/// is decided here and only here.
/// To add a section: write a method returning a <see cref="ReportSection"/> and put it in <see cref="Build"/>'s list
/// (the page, workbook, PDF and CSV pick it up); give its English keys a Chinese entry in SharedResource.zh-Hans.resx.
/// </summary>
public sealed class ReportPresentation
{
    /// <summary>Rows the page and the PDF show of a long table; the workbook and CSV hold them all.</summary>
    public const int PreviewRows = 100;

    /// <summary>The parks' and pairs' sets in the order every table lists them: the configuration, the pairs, each park.</summary>
    public static IEnumerable<IndicatorSet> Sets(Report r) => new[] { r.Configuration }.Concat(r.Pairs).Concat(r.ParkIndicators);

    /// <summary>The transcript bases in the order the report lists them (adjudication complete, partial, none first).</summary>
    public static readonly IReadOnlyList<TranscriptBasis> Bases =
        [TranscriptBasis.Complete, TranscriptBasis.Partial, TranscriptBasis.None, TranscriptBasis.SingleCoder, TranscriptBasis.Uncoded];

    readonly LoadedReport data;
    readonly Report rep;
    readonly IStringLocalizer t;
    readonly bool chinese, personal;
    readonly ReportFormat f;

    ReportPresentation(LoadedReport data, IStringLocalizer t, bool includePersonalData)
    {
        (this.data, rep, this.t, chinese, personal) = (data, data.Report, t, DisplayNames.Chinese, includePersonalData);
        f = new ReportFormat(data, k => t[k].Value, chinese);
    }

    /// <param name="includePersonalData">Respondent names in the passages (a PI's explicit choice).</param>
    public static ReportView Build(LoadedReport data, IStringLocalizer t, bool includePersonalData = false)
    {
        var p = new ReportPresentation(data, t, includePersonalData);
        // With "survey answers" chosen, their figures per pair come first: the mention sections have nothing to count.
        ReportSection[] survey = data.Filter.Source == SourceFilter.Survey ? [SurveySection.Pairs(data, p.f)] : [];
        ReportSection[] rest = [p.Classification(), .. survey, data.UncertaintyPending ? p.Pending() : UncertaintySection.Build(data, p.f), p.Matrices(), p.Scopes(), p.Indicators(), p.Sources(), p.Disagreements(), p.Evidence()];
        return new ReportView(CultureInfo.CurrentUICulture.Name, p.chinese, p.Both(data.TitleEn, data.TitleZh), p.S("Linkage report"),
            [p.About(rest), .. rest]);
    }

    // Without arguments the key is not a format string (the filter line's key has {0}… but is formatted later).
    string S(string key, params object[] args) => args.Length == 0 ? t[key].Value : t[key, args].Value;
    // An argument may itself be a reason word ("passes", "straddles the threshold"): it is translated too.
    string Say(Reason r) => S(r.Key, [.. r.Args.Select(a => Core.Reporting.Classifier.ReasonKeys.Contains(a) ? S(a) : a)]);
    static string N(int n) => ReportFormat.N(n);
    string Both(string en, string zh) => chinese ? $"{zh} {en}" : $"{en} {zh}";
    string Both(Label l) => Both(l.NameEn, l.NameZh);
    string Name(Label l) => l.Name(chinese);
    string TypeName(string? code) => f.TypeName(code);
    string SetName(string key) => f.SetName(key);
    string VerdictName(Verdict v) => S(v.Label());
    string Scope(Scope s) => S(s switch
    {
        Core.Study.Scope.WithinCluster => "Within the cluster", Core.Study.Scope.CrossCluster => "Other parks (cross-cluster)",
        Core.Study.Scope.Metropolitan => "Elsewhere in Beijing", Core.Study.Scope.National => "Elsewhere in China", _ => "Abroad",
    });
    string Side(SideKind k) => S(k switch { SideKind.Coded => "Coded passages", SideKind.PartnerList => "Partner lists", _ => "Combined (one relation once)" });
    /// <summary>The badge tone of a verdict, wherever one is shown (the report, the PI's home page).</summary>
    public static string Tone(Verdict v) => v switch
    {
        Verdict.Collaborating => "success", Verdict.Competing => "danger", Verdict.Mixed => "warning", _ => "secondary",
    };

    static object?[] Row(params object?[] cells) => cells;

    ReportTable Table(string id, string name, string title, IReadOnlyList<Column> columns, IEnumerable<object?[]> rows) =>
        new(name, title, columns, rows, id);

    /// <summary>The figures a reader needs first; the files' copy (the workbook's README sheet, readme.csv) adds every note of <paramref name="rest"/>.</summary>
    ReportSection About(IReadOnlyList<ReportSection> rest)
    {
        var total = rep.Total.Total;
        var rows = new List<object?[]>
        {
            Row(S("Study"), Both(data.TitleEn, data.TitleZh)),
            Row(S("Generated (UTC)"), data.GeneratedAtUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
            Row(S("Filters"), data.Filter.Describe(k => S(k))),
            Row(S("Which segments count"), S(CountingRule.Text)),
        };
        rows.AddRange(Bases.Select(b => new object?[] { S("Transcripts: {0}", S(b.Label())), new Cell(rep.TranscriptsWith(b), $"basis-{b}") }));
        rows.Add([S("Provisional passages (units not yet decided)"), new Cell(rep.ProvisionalMentions, "provisional-mentions")]);
        rows.Add([S("Mentions counted"), new Cell(total.Mentions, "total-mentions")]);
        rows.Add([S("Firms reporting"), new Cell(total.Firms, "firms-reporting")]);
        rows.Add([S("Sources"), S("{0}; each source on its own and the combined view (one relation, same firm, same partner, same linkage type, counted once) are shown side by side.", S(data.Filter.SourceText))]);
        rows.Add([S("Personal data"), S(personal ? "Included at the PI's request (respondent names)." : "Left out (respondent names, contact data).")]);
        rows.AddRange(rep.Input.Parks.Select(p => new object?[] { S("Park {0}", p.Code), Both(p) }));
        var notYet = data.NotYetAdjudicated;
        Column[] columns = [new(S("Item"), Width: 30), new(S("Value"), Width: 120)];
        var notes = rest.SelectMany(s => s.For(Outputs.Files).OfType<TextBlock>().Select(b => Row(s.Heading, b.Text)));
        return new("about", S("About this report"),
        [
            new TableBlock(Table("readme", S("README"), S("About this report"), columns, rows), Outputs.Page | Outputs.Pdf),
            new TableBlock(Table("readme", S("README"), S("About this report"), columns, rows.Concat(notes).ToList()), Outputs.Files),
            .. notYet > 0 ? [new TextBlock(t.Count(notYet, "{0} transcript not yet adjudicated.", "{0} transcripts not yet adjudicated.").Value, Note: true, TestId: "not-adjudicated")] : Array.Empty<ReportBlock>(),
        ]);
    }

    ReportSection Classification()
    {
        var rows = rep.Classifications.Select(c =>
        {
            var j = data.Judgements.GetValueOrDefault(c.Key);
            return new object?[]
            {
                new Cell(SetName(c.Key), $"verdict-{c.Key}"), new Cell(VerdictName(c.Verdict), $"suggested-{c.Key}", Tone: Tone(c.Verdict)),
                string.Join("\n", c.Reasons.Select(Say)),
                j is null ? S("Not yet recorded") : new Cell(VerdictName(j.Verdict), $"final-{c.Key}", Tone: Tone(j.Verdict)), j?.Rationale,
                j is null ? null : data.UserNames.GetValueOrDefault(j.DecidedById),
                j?.DecidedAtUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            };
        }).ToList();
        return new("classification", S("Suggested classification and final judgement"),
        [
            new TextBlock(S("{0}:", S("Rule")) + " " + string.Join(" ", rep.Rule.Options().Prepend(rep.Rule.Statement()).Select(Say)), TestId: "rule-text"),
            new TextBlock(S("Rule thresholds (JSON)") + ": " + rep.Rule.ToJson(), Note: true),
            new TableBlock(Table("classification", S("Classification"), S("Suggested classification and final judgement"),
                [new(S("Scope"), Width: 14), new(S("Suggested (by the rule)"), Width: 18), new(S("Reasons"), Width: 80), new(S("PI's final judgement"), Width: 18),
                 new(S("Rationale"), Width: 60), new(S("Decided by"), Width: 20), new(S("Decided at (UTC)"), Width: 18)], rows)),
        ]);
    }

    /// <summary>Shown while the resampling of this data version runs (Pages/Reports/ReportCache): point figures now, intervals when ready.</summary>
    public const string PendingNote = "Intervals for this version of the data are being computed (1,000 resamples of firms): every other figure on this page is already this version's. Reload the page in a moment to see them.";
    public const string PendingVerdictNote = "The rule decides on intervals, which are being computed: the suggested verdicts above use the point figures until then.";

    ReportSection Pending() => new("uncertainty", S(UncertaintySection.SectionTitle),
        [new TextBlock(S(PendingNote), TestId: "uncertainty-pending"), .. rep.Rule.RequireInterval ? [new TextBlock(S(PendingVerdictNote), Note: true)] : Array.Empty<ReportBlock>()]);

    ReportSection Matrices() => new("matrices", S("Linkage matrices"),
    [
        new TextBlock(S("Rows: focal park; columns: partner location. Each location has three columns: mentions, distinct firms and the row share. On the page, a count links to the passages behind it."), Note: true),
        .. new[] { rep.Total }.Concat(rep.ByType).Select(m => new TableBlock(Matrix(m))),
    ]);

    ReportTable Matrix(MatrixTable m)
    {
        var code = m.LinkageType ?? "total";
        var columns = new List<Column> { new(S("Focal park"), Width: 8), new(S("Park name"), Width: 30) };
        foreach (var l in m.Locations)
            columns.AddRange([new(S("{0} mentions", l), ColumnKind.Integer, 10), new(S("{0} distinct firms", l), ColumnKind.Integer, 9), new(S("{0} row share", l), ColumnKind.Share, 10)]);
        columns.AddRange([new(S("Total mentions"), ColumnKind.Integer, 10), new(S("Total firms"), ColumnKind.Integer, 10)]);
        var rows = m.Parks.Select((p, i) =>
        {
            var row = new List<object?> { p, Both(data.Park(p)) };
            for (var c = 0; c < m.Locations.Count; c++)
            {
                var cell = m.Cells[i, c];
                row.AddRange([cell.Mentions > 0 ? new Cell(cell.Mentions, $"cell-{code}-{p}-{m.Locations[c]}", EvidenceQuery(p, m.Locations[c], m.LinkageType)) : 0,
                    cell.Firms, m.RowShare(i, c)]);
            }
            row.AddRange([m.RowTotals[i].Mentions, m.RowTotals[i].Firms]);
            return row.ToArray();
        }).ToList();
        return Table($"matrix-{code}", S("Matrix {0}", code), S("Linkage matrix: {0}", TypeName(m.LinkageType)), columns, rows);
    }

    Dictionary<string, string> EvidenceQuery(string focal, string location, string? type)
    {
        var values = data.Filter.RouteValues();
        values["focal"] = focal;
        values["location"] = location;
        if (type is not null) values["type"] = type;
        return values;
    }

    ReportSection Scopes()
    {
        var columns = new List<Column> { new(S("Park"), Width: 8) };
        foreach (var s in ScopeShares.All) columns.AddRange([new(S("{0}: mentions", Scope(s)), ColumnKind.Integer, 12), new(S("{0}: share", Scope(s)), ColumnKind.Share, 12)]);
        columns.Add(new(S("Total"), ColumnKind.Integer, 10));
        var rows = rep.Scopes.Select(s => new object?[] { s.Park }
            .Concat(ScopeShares.All.SelectMany(x => new object?[] { s.Mentions[x], s.Share(x) })).Append(s.Total).ToArray()).ToList();
        var (nodes, edges) = ChartLayout.Network(rep.Total, c => c);
        return new("scopes", S("Scope shares"),
        [
            new TableBlock(Table("scope-shares", S("Scope shares"), S("Mentions by scope per park"), columns, rows)),
            new ScopeChart(S("Scope shares per park"), ScopeShares.All.Select(Scope).ToList(),
                rep.Scopes.Select(s => (s.Park, ScopeShares.All.Select(s.Share).ToArray(), s.Total)).ToList()),
            new NetworkChart(S("Network of linkages (edge width: mentions)"), nodes, edges),
        ]);
    }

    ReportSection Indicators()
    {
        var acts = rep.Input.Activities;
        var profileColumns = new List<Column> { new(S("Park"), Width: 8), new(S("Interviewed firms"), ColumnKind.Integer, 12) };
        profileColumns.AddRange(acts.Select(a => new Column(Name(a), ColumnKind.Share, 16)));
        var profiles = rep.ParkCodes.Select(p => new object?[] { p, rep.Input.Firms.Count(f => f.Park == p) }
            .Concat(rep.Profiles[p].Select(x => (object?)x)).ToArray()).ToList();
        var lowest = rep.Configuration.LowestPair is { } l ? S("all (lowest pair: {0})", l) : S("all (lowest pair)");
        var dissimilarity = rep.Pairs.Select(p => new object?[] { p.Key, p.Dissimilarity }).Append([lowest, rep.Configuration.Dissimilarity]).ToList();
        var shares = Sets(rep).SelectMany(s => s.Shares.Select(x => new object?[]
        {
            s.Key, TypeName(x.LinkageType), x.Within, x.Cross, new Cell(x.Share, $"share-{s.Key}-{x.LinkageType}"), x.CrossFirms,
            x.NoEvidence ? S("no evidence") : null,
        })).ToList();
        var nature = Sets(rep).Select(s => new object?[] { s.Key, s.Collaborative, s.Competitive, s.Labour.Mentions, s.Labour.Firms }).ToList();
        return new("indicators", S("Indicators"),
        [
            new TableBlock(Table("specialisation", S("Specialisation"), S("Value-chain specialisation (answer A6)"), profileColumns, profiles)),
            new TableBlock(Table("dissimilarity", S("Dissimilarity"), S("Duncan's dissimilarity index ½·Σ|pᵢ − qᵢ| between parks"),
                [new(S("Pair"), Width: 24), new(S("Duncan's index"), ColumnKind.Index, 14)], dissimilarity)),
            new TextBlock(S(Core.Reporting.Indicators.LowestPairRule), Note: true, TestId: "dissimilarity-rule"),
            new TableBlock(Table("cross-cluster-shares", S("Cross-cluster shares"), S("Cross-cluster share per linkage type"),
                [new(S("Scope"), Width: 12), new(S("Linkage type"), Width: 28), new(S("Within-cluster"), ColumnKind.Integer, 12), new(S("Cross-cluster"), ColumnKind.Integer, 12),
                 new(S("Cross-cluster share"), ColumnKind.Share, 14), new(S("Firms reporting cross"), ColumnKind.Integer, 14), new(S("Evidence"), Width: 12)], shares)),
            new TextBlock(S("Cross-cluster share = cross ÷ (within + cross) per linkage type; mentions elsewhere in Beijing, in China or abroad are neither. No evidence: no within- or cross-cluster mentions, which is not a share of 0. A park's rows compare it with all other parks."), Note: true, TestId: "share-definition"),
            new TableBlock(Table("nature-and-labour", S("Nature and labour"), S("Collaborative and competitive cross-cluster mentions; labour mobility between parks"),
                [new(S("Scope"), Width: 12), new(S("Collaborative"), ColumnKind.Integer, 13), new(S("Competitive"), ColumnKind.Integer, 13),
                 new(S("Labour-market mentions"), ColumnKind.Integer, 14), new(S("Labour-market firms"), ColumnKind.Integer, 14)], nature)),
        ]);
    }

    ReportSection Sources()
    {
        var sides = rep.Sides ?? [];
        var columns = new List<Column> { new(S("Linkage type"), Width: 28) };
        foreach (var side in sides)
            columns.AddRange([new(S("{0}: within", Side(side.Kind)), ColumnKind.Integer, 12), new(S("{0}: cross", Side(side.Kind)), ColumnKind.Integer, 12),
                new(S("{0}: share", Side(side.Kind)), ColumnKind.Share, 12)]);
        var rows = rep.Input.LinkageTypes.Select(type => new object?[] { Name(type) }
            .Concat(sides.SelectMany(side => side.Configuration.Shares.First(x => x.LinkageType == type.Code) is var s
                ? new object?[] { s.Within, s.Cross, new Cell(s.Share, $"side-{side.Kind}-{type.Code}") } : [])).ToArray()).ToList();
        return new("sources", S("Coded passages and partner lists side by side (all three parks)"),
        [
            new TableBlock(Table("sources-side-by-side", S("Sources side by side"), S("Coded passages and partner lists side by side (all three parks)"), columns, rows)),
            new TextBlock(S("Mentions counted") + ": " + string.Join("; ", sides.Select(s => $"{Side(s.Kind)} {N(s.Total.Mentions)}")), Note: true),
            new TextBlock(S("Cross-cluster share per source. The combined column counts one relation (same firm, same partner, same linkage type) once, however many passages and partner-list rows name it; the report's figures above use the sources chosen in the filter."), Note: true),
        ]);
    }

    ReportSection Disagreements()
    {
        var rows = rep.Disagreements.Select(d => new object?[]
            { data.FirmDisplay(d.FirmId), TypeName(d.LinkageType), Name(data.Location(d.PartnerLocation)), d.Coded, d.PartnerList });
        var blocks = new List<ReportBlock>
        {
            new TableBlock(Table("disagreements", S("Disagreements"), S("Linkages in one source but not the other (firms with both sources)"),
                [new(S("Firm"), Width: 40), new(S("Linkage type"), Width: 20), new(S("Partner location"), Width: 20),
                 new(S("Coded passages"), ColumnKind.Integer, 12), new(S("Partner-list rows"), ColumnKind.Integer, 12)], rows),
                Preview: PreviewRows, PreviewNote: S("Showing the first {0} of {1}; the workbook and the CSV file hold them all.", PreviewRows, rep.Disagreements.Count)),
        };
        if (rep.Disagreements.Count == 0) blocks.Insert(0, new TextBlock(S("None."), In: Outputs.Page | Outputs.Pdf));
        return new("disagreements", S("Disagreements between coded passages and partner lists"), blocks);
    }

    ReportSection Evidence()
    {
        // The PDF prints a sample of quotes (cross-cluster first); the files hold every counted mention.
        var sample = rep.Counted.Where(m => m.Source == MentionSource.Coded)
            .OrderBy(m => m.Scope == Core.Study.Scope.CrossCluster ? 0 : 1).ThenBy(m => m.LinkageType, StringComparer.Ordinal).Take(24).ToList();
        var texts = data.Quotes.For(sample);
        var quotes = sample
            .SelectMany(m => new ReportBlock[]
            {
                new TextBlock($"{data.FirmDisplay(m.FirmId)} · {m.FocalPark} → {m.PartnerLocation} · {TypeName(m.LinkageType)} · {(data.Nature(m.Nature) is { } n ? Name(n) : "–")} · {m.Coder}"
                    + (m.Provisional ? " [" + S("provisional") + "]" : ""), In: Outputs.Pdf),
                new TextBlock($"“{PassageQuotes.Text(m, texts)}”", Note: true, In: Outputs.Pdf),
            });
        return new("evidence", S("Evidence quotes"), [.. quotes, new TableBlock(Passages(), Outputs.Files)]);
    }

    ReportTable Passages()
    {
        var columns = new List<Column> { new(S("Source"), Width: 12), new(S("Evidence id"), ColumnKind.Integer, 10), new(S("Firm"), Width: 36), new(S("Focal park"), Width: 8),
            new(S("Linkage type"), Width: 12), new(S("Partner location"), Width: 10), new(S("Scope"), Width: 14), new(S("Nature"), Width: 14),
            new(S("Partner name"), Width: 24), new(S("Quote or entry"), Width: 80), new(S("Coder"), Width: 20), new(S("Status"), Width: 12),
            new(S("Time in the recording"), Width: 14) };
        if (personal) columns.Add(new(S("Respondent"), Width: 20));
        string coded = S("coded"), listed = S("partner list"), provisional = S("provisional"), decided = S("Decided");
        var scopes = ScopeShares.All.ToDictionary(s => s, Scope);
        return Table("passages", S("Passages"), S("Counted evidence: coded passages and partner-list rows with their codes"), columns, Rows());

        // Lazy and with words looked up once: this table can hold 200,000 rows. The quotes are read a batch of rows at a time.
        IEnumerable<object?[]> Rows()
        {
            foreach (var batch in rep.Counted.Chunk(PassageQuotes.Batch))
            {
                var texts = data.Quotes.For(batch);
                foreach (var m in batch) yield return Row(m, texts);
            }
        }

        object?[] Row(Mention m, IReadOnlyDictionary<int, string> texts)
        {
            var row = new object?[columns.Count];
            row[0] = m.Source == MentionSource.Coded ? coded : listed;
            row[1] = m.EvidenceId; row[2] = data.FirmDisplay(m.FirmId); row[3] = m.FocalPark; row[4] = m.LinkageType;
            row[5] = m.PartnerLocation; row[6] = scopes[m.Scope]; row[7] = m.Nature; row[8] = m.PartnerName; row[9] = PassageQuotes.Text(m, texts); row[10] = m.Coder;
            row[11] = m.Source == MentionSource.PartnerList ? null : m.Provisional ? provisional : decided;
            // hh:mm:ss(.fff), as in the search page's passage CSV; empty for partner-list rows and untimed turns.
            row[12] = m.Source == MentionSource.Coded && data.PassageTimes.TryGetValue(m.EvidenceId, out var at) ? TurnTimes.Format(at).Trim('[', ']') : null;
            if (personal) row[13] = data.Respondents.GetValueOrDefault(m.InterviewId);
            return row;
        }
    }
}
