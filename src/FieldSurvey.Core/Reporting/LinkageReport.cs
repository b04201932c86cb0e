namespace FieldSurvey.Core.Reporting;

/// <summary>Which evidence a report counts.</summary>
public enum SourceFilter
{
    /// <summary>Both sources combined: one relation (firm, partner, linkage type) counts once (<see cref="Relations"/>).</summary>
    Both = 0,
    Coded = 1,
    PartnerList = 2,
    /// <summary>
    /// The structured answers only (C3/C4, D2/D3, E3, F1–F3): no passage or partner-list row is counted, so the
    /// mention figures and the rule's verdict have no evidence; the survey indicators and the triangulation carry the report.
    /// </summary>
    Survey = 3,
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
    SourceFilter Sources = SourceFilter.Both)
{
    /// <summary>Structured answers of the interviewed firms (the survey indicators' questions; see <see cref="SurveyQuestions"/>).</summary>
    public IReadOnlyList<SurveyAnswer> Answers { get; init; } = [];
    /// <summary>Relation question id (F1–F3) → the park it asks about, from the guide (<see cref="SurveyQuestions.Relations"/>).</summary>
    public IReadOnlyDictionary<string, string> RelationQuestions { get; init; } = new Dictionary<string, string>();
    /// <summary>Resamples of firms behind the intervals and the verdict's stability, and their seed (no clock: the same data give the same report).</summary>
    public int Resamples { get; init; } = Uncertainty.DefaultResamples;
    public int Seed { get; init; } = Uncertainty.DefaultSeed;
}

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

    /// <summary>Issue 19: intervals, Duncan's bias and permutation test, verdict stability, for "all" and each pair.</summary>
    public UncertaintyReport Uncertainty { get; init; } = new(0, 0, []);
    /// <summary>Survey indicators (C3/C4, D2/D3, F1–F3) for "all" and each pair.</summary>
    public IReadOnlyList<SurveySet> Survey { get; init; } = [];
    /// <summary>The verdict under neighbouring thresholds, for "all" and each pair.</summary>
    public IReadOnlyList<ThresholdGrid> Grids { get; init; } = [];
    /// <summary>Each indicator of "all" and each pair in coded passages, partner lists and survey answers.</summary>
    public IReadOnlyList<TriangulationRow> Triangulation { get; init; } = [];
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
            SourceFilter.Survey => [],
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
        var sets = new[] { configuration }.Concat(pairs).ToList();
        var tallies = new FirmTallies(counted, input.Firms, parks, types, activities);
        var survey = sets.Select(x => SurveyIndicators.For(x.Key, x.Parks, input.Answers, input.RelationQuestions, input.Resamples, input.Seed)).ToList();
        var uncertainty = Uncertainty.Compute(tallies, sets.Select(x => tallies.ForSet(x.Key, x.Parks)).ToList(), input.Rule, input.Resamples, input.Seed,
            survey.ToDictionary(x => x.Key, x => x.Relations.Nature));
        // Without resamples (the point figures first, the resampling later) there are no intervals: the rule decides on the points.
        IntervalBounds? Bounds(IndicatorSet x) => input.Resamples <= 0 ? null : uncertainty.For(x.Key) is { } u
            ? new(u.Dissimilarity.Interval, u.Shares.ToDictionary(s => s.LinkageType, s => s.Interval)) : new(Interval.None, new Dictionary<string, Interval>());
        var classifications = sets.Select((x, i) => Classifier.Classify(x, input.Rule, Bounds(x), survey[i].Relations.Nature)).ToList();
        var grids = sets.Select((x, i) => ThresholdGrids.Build(x, input.Rule, Bounds(x), survey[i].Relations.Nature)).ToList();
        var codedIndex = new MentionIndex(coded, parks, locations, types);
        var listedIndex = new MentionIndex(listed, parks, locations, types);
        var triangulation = sets.SelectMany((x, i) => Triangulation.Build(Indicators.For(x.Key, x.Parks, x.Parks, codedIndex, input.Firms, activities),
            Indicators.For(x.Key, x.Parks, x.Parks, listedIndex, input.Firms, activities), survey[i], input.Rule)).ToList();
        SourceSide Side(SideKind kind, IReadOnlyList<Mention> mentions, MentionIndex? i = null)
        {
            i ??= new MentionIndex(mentions, parks, locations, types);
            return new(kind, LinkageMatrix.BuildAll(i).Total.Total, Indicators.For(Indicators.All, parks, parks, i, input.Firms, activities));
        }
        return new Report(input, counted, total, byType, ScopeShares.Build(counted, parks), profiles, parkSets,
            configuration, pairs, classifications, SourceComparison.Disagreements(input.Mentions),
            [Side(SideKind.Coded, coded, codedIndex), Side(SideKind.PartnerList, listed, listedIndex), Side(SideKind.Combined, combined)])
        {
            Uncertainty = uncertainty, Survey = survey, Grids = grids, Triangulation = triangulation,
        };
    }
}
