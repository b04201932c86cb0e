namespace FieldSurvey.Core.Reporting;

/// <summary>Which evidence a report counts.</summary>
public enum SourceFilter
{
    /// <summary>Both sources combined: one relation (firm, partner, linkage type) counts once (<see cref="Relations"/>).</summary>
    Both = 0,
    Coded = 1,
    PartnerList = 2,
}

/// <summary>
/// Everything a report needs, already projected from the database and filtered by park, date and guide
/// version. <see cref="Mentions"/> holds both sources; the report counts those of <see cref="Sources"/> and
/// compares the two for disagreements.
/// </summary>
public sealed record ReportInput(
    IReadOnlyList<Label> Parks,
    IReadOnlyList<Label> Locations,
    IReadOnlyList<Label> LinkageTypes,
    IReadOnlyList<Label> Activities,
    IReadOnlyList<Mention> Mentions,
    IReadOnlyList<FirmProfile> Firms,
    IReadOnlyDictionary<TranscriptBasis, int> Transcripts,
    ClassificationRule Rule,
    SourceFilter Sources = SourceFilter.Both);

/// <summary>The computed report: the single source of every figure on the page and in the Excel, PDF and CSV files.</summary>
public sealed record Report(
    ReportInput Input,
    IReadOnlyList<Mention> Counted,
    MatrixTable Total,
    IReadOnlyList<MatrixTable> ByType,
    IReadOnlyList<ScopeRow> Scopes,
    IReadOnlyDictionary<string, double[]> Profiles,
    IReadOnlyList<IndicatorSet> ParkIndicators,
    IndicatorSet Configuration,
    IReadOnlyList<IndicatorSet> Pairs,
    IReadOnlyList<Classification> Classifications,
    IReadOnlyList<Disagreement> Disagreements,
    IReadOnlyList<SourceSide>? Sides = null)
{
    public ClassificationRule Rule => Input.Rule;
    public IReadOnlyList<string> ParkCodes => Total.Parks;
    /// <summary>Counted coded passages that stand in for units the PI has not decided yet.</summary>
    public int ProvisionalMentions => Counted.Count(m => m.Provisional);
    public int TranscriptsWith(TranscriptBasis basis) => Input.Transcripts.GetValueOrDefault(basis);
}

/// <summary>Which evidence one column of the side-by-side comparison holds.</summary>
public enum SideKind
{
    Coded = 0,
    PartnerList = 1,
    /// <summary>Both sources, one relation counted once.</summary>
    Combined = 2,
}

/// <summary>
/// One source's figures for the three-park configuration, shown beside the other source's, so a reader sees what
/// each source says before they are combined.
/// </summary>
public sealed record SourceSide(SideKind Kind, Count Total, IndicatorSet Configuration);

public static class LinkageReport
{
    public static Report Build(ReportInput input)
    {
        var parks = input.Parks.Select(p => p.Code).ToList();
        var locations = input.Locations.Select(l => l.Code).ToList();
        var types = input.LinkageTypes.Select(t => t.Code).ToList();
        var activities = input.Activities.Select(a => a.Code).ToList();
        var coded = input.Mentions.Where(m => m.Source == MentionSource.Coded).ToList();
        var listed = input.Mentions.Where(m => m.Source == MentionSource.PartnerList).ToList();
        var combined = Relations.Combine(input.Mentions);
        var counted = input.Sources switch
        {
            SourceFilter.Coded => coded,
            SourceFilter.PartnerList => listed,
            _ => combined,
        };
        var index = new MentionIndex(counted, parks, locations, types);
        var (total, byType) = LinkageMatrix.BuildAll(index);
        var profiles = parks.ToDictionary(p => p, p => Indicators.Profile(input.Firms, p, activities));
        var parkSets = parks.Select(p => Indicators.For(p, [p], parks, index, input.Firms, activities)).ToList();
        var configuration = Indicators.For(Indicators.All, parks, parks, index, input.Firms, activities);
        var pairs = new List<IndicatorSet>();
        for (var i = 0; i < parks.Count; i++)
            for (var j = i + 1; j < parks.Count; j++)
            {
                string[] pair = [parks[i], parks[j]];
                pairs.Add(Indicators.For(Indicators.PairKey(parks[i], parks[j]), pair, pair, index, input.Firms, activities));
            }
        var classifications = new[] { configuration }.Concat(pairs).Select(s => Classifier.Classify(s, input.Rule)).ToList();
        SourceSide Side(SideKind kind, IReadOnlyList<Mention> mentions)
        {
            var i = new MentionIndex(mentions, parks, locations, types);
            return new(kind, LinkageMatrix.BuildAll(i).Total.Total, Indicators.For(Indicators.All, parks, parks, i, input.Firms, activities));
        }
        return new Report(input, counted, total, byType, ScopeShares.Build(counted, parks), profiles, parkSets,
            configuration, pairs, classifications, SourceComparison.Disagreements(input.Mentions),
            [Side(SideKind.Coded, coded), Side(SideKind.PartnerList, listed), Side(SideKind.Combined, combined)]);
    }
}
