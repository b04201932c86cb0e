namespace FieldSurvey.Core.Reporting;

/// <summary>Which way one source's figure points, read against the rule's thresholds.</summary>
public enum Lean
{
    /// <summary>The source has nothing on this indicator (or does not ask about it).</summary>
    NoEvidence = 0,
    TowardsCollaborating = 1,
    Between = 2,
    TowardsCompeting = 3,
}

/// <summary>One source's figure for an indicator: its value, how many mentions or answers and how many firms stand behind it.</summary>
public sealed record SourceReading(double Value, int N, int Firms, Lean Lean)
{
    public static readonly SourceReading None = new(double.NaN, 0, 0, Lean.NoEvidence);
}

/// <summary>
/// One indicator of one set of parks in the three sources. <see cref="Indicator"/> is a linkage type code (the
/// cross-cluster share) or <see cref="Triangulation.Nature"/>. The survey's counterparts: supplier ↔ C3 (inputs from the
/// other parks ÷ own + other parks), customer ↔ C4 (sales), labour ↔ D2/D3 (share of firms with any hire from or
/// departure to the other parks), knowledge ↔ E3 (share of firms talking to the other parks' firms monthly or more),
/// nature ↔ F1–F3 (partners against competitors); research has none.
/// </summary>
public sealed record TriangulationRow(string Key, string Indicator, SourceReading Coded, SourceReading PartnerList, SourceReading Survey)
{
    /// <summary>Sources with evidence point different ways.</summary>
    public bool Disagree => new[] { Coded, PartnerList, Survey }.Where(r => r.Lean != Lean.NoEvidence).Select(r => r.Lean).Distinct().Count() > 1;
}

public static class Triangulation
{
    public const string Nature = "nature";
    /// <summary>The knowledge linkage type (seed/vocabulary/linkage-types.csv), E3's counterpart.</summary>
    public const string Knowledge = "knowledge";

    public const string Explanation =
        "Each source read on its own against the rule's thresholds: a share at or above the collaborating share points towards collaborating, below the competing share towards competing, in between neither; for the nature, more collaborative than competitive mentions (more firms calling the other parks' firms partners than competitors) points towards collaborating. The survey's counterparts: inputs bought from the other parks (C3) for suppliers, sales to them (C4) for customers, firms with any hire from or departure to them (D2, D3) for labour, firms that talk to their firms monthly or more often (E3) for knowledge, and F1–F3 for the nature; research is not asked about.";

    public static IReadOnlyList<TriangulationRow> Build(IndicatorSet coded, IndicatorSet listed, SurveySet survey, ClassificationRule rule)
    {
        Lean ShareLean(double share) => double.IsNaN(share) ? Lean.NoEvidence
            : share >= rule.CollaboratingShare ? Lean.TowardsCollaborating : share < rule.CompetingShare ? Lean.TowardsCompeting : Lean.Between;
        SourceReading Mentions(IndicatorSet s, string type) => s.Shares.FirstOrDefault(x => x.LinkageType == type) is { NoEvidence: false } x
            ? new(x.Share, x.Within + x.Cross, x.CrossFirms, ShareLean(x.Share)) : SourceReading.None;
        SourceReading Survey(string type) => type switch
        {
            "supplier" when survey.Inputs.Firms > 0 => new(survey.Inputs.CrossShare, survey.Inputs.Firms, survey.Inputs.Firms, ShareLean(survey.Inputs.CrossShare)),
            "customer" when survey.Sales.Firms > 0 => new(survey.Sales.CrossShare, survey.Sales.Firms, survey.Sales.Firms, ShareLean(survey.Sales.CrossShare)),
            NatureCodes.Labour when survey.Mobility.Firms > 0 => new(survey.Mobility.Share, survey.Mobility.Firms, survey.Mobility.Firms, ShareLean(survey.Mobility.Share)),
            Knowledge when survey.Contact.Firms > 0 => new(survey.Contact.Share, survey.Contact.Firms, survey.Contact.Firms, ShareLean(survey.Contact.Share)),
            _ => SourceReading.None,
        };
        static SourceReading NatureOf(int collaborative, int competitive, int firms) => collaborative + competitive == 0 ? SourceReading.None
            : new((double)collaborative / (collaborative + competitive), collaborative + competitive, firms,
                collaborative > competitive ? Lean.TowardsCollaborating : competitive > collaborative ? Lean.TowardsCompeting : Lean.Between);
        var rows = coded.Shares.Select(s => new TriangulationRow(coded.Key, s.LinkageType, Mentions(coded, s.LinkageType), Mentions(listed, s.LinkageType), Survey(s.LinkageType))).ToList();
        var sv = survey.Relations.Nature;
        rows.Add(new(coded.Key, Nature, NatureOf(coded.Collaborative, coded.Competitive, coded.FirmsPerPark.Values.Sum()),
            NatureOf(listed.Collaborative, listed.Competitive, listed.FirmsPerPark.Values.Sum()),
            survey.Relations.Answers == 0 ? SourceReading.None : NatureOf(sv.Partners, sv.Competitors, survey.Relations.Answers) with { N = survey.Relations.Answers }));
        return rows;
    }
}
