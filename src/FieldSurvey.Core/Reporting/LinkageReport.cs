namespace FieldSurvey.Core.Reporting;

/// <summary>Which evidence a report counts.</summary>
public enum SourceFilter
{
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
    IReadOnlyList<Disagreement> Disagreements)
{
    public ClassificationRule Rule => Input.Rule;
    public IReadOnlyList<string> ParkCodes => Total.Parks;
}

public static class LinkageReport
{
    public static Report Build(ReportInput input)
    {
        var parks = input.Parks.Select(p => p.Code).ToList();
        var locations = input.Locations.Select(l => l.Code).ToList();
        var types = input.LinkageTypes.Select(t => t.Code).ToList();
        var activities = input.Activities.Select(a => a.Code).ToList();
        var counted = input.Sources switch
        {
            SourceFilter.Coded => input.Mentions.Where(m => m.Source == MentionSource.Coded).ToList(),
            SourceFilter.PartnerList => input.Mentions.Where(m => m.Source == MentionSource.PartnerList).ToList(),
            _ => input.Mentions,
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
        return new Report(input, counted, total, byType, ScopeShares.Build(counted, parks), profiles, parkSets,
            configuration, pairs, classifications, SourceComparison.Disagreements(input.Mentions));
    }
}
