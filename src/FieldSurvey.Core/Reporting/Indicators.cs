namespace FieldSurvey.Core.Reporting;

/// <summary>
/// Cross-cluster intensity of one linkage type: cross ÷ (within + cross). When both are 0 the type has no
/// evidence (<see cref="NoEvidence"/>, share NaN): that is not a share of 0, and the rule counts it neither way.
/// </summary>
public sealed record TypeShare(string LinkageType, int Within, int Cross, int CrossFirms)
{
    public double Share => Within + Cross == 0 ? double.NaN : (double)Cross / (Within + Cross);
    public bool NoEvidence => Within + Cross == 0;
}

/// <summary>Duncan's index of one pair of parks ("DX-YZ"); NaN when either park has no value-chain profile.</summary>
public sealed record PairIndex(string Pair, double Index);

/// <summary>
/// The indicators of domain.md for a set of parks: the three-park configuration ("all"), a pair ("DX-YZ"),
/// or one park against all others. <see cref="Dissimilarity"/> is Duncan's index for a pair and, for a larger
/// set, the lowest of the pairwise indices in <see cref="PairIndices"/> (<see cref="Indicators.LowestPairRule"/>);
/// NaN when a park has no value-chain profile.
/// </summary>
public sealed record IndicatorSet(string Key, IReadOnlyList<string> Parks, double Dissimilarity,
    IReadOnlyList<TypeShare> Shares, int Collaborative, int Competitive, Count Labour,
    IReadOnlyDictionary<string, int> MentionsPerPark, IReadOnlyDictionary<string, int> FirmsPerPark,
    IReadOnlyList<PairIndex>? PairIndices = null)
{
    /// <summary>The pair whose index is <see cref="Dissimilarity"/> (the most similar pair); null for a pair or when undefined.</summary>
    public string? LowestPair => PairIndices is { Count: > 1 } p && !double.IsNaN(Dissimilarity) ? p.First(x => x.Index == Dissimilarity).Pair : null;
}

public static class Indicators
{
    public const string All = "all";
    public static string PairKey(string a, string b) => string.CompareOrdinal(a, b) < 0 ? $"{a}-{b}" : $"{b}-{a}";

    /// <summary>
    /// How several parks get one dissimilarity, printed with the rule: the lowest pairwise index. A mean would let
    /// two identical parks hide behind a third that differs (0, 0.6, 0.6 averages to 0.4, "complementary").
    /// </summary>
    public const string LowestPairRule =
        "For more than two parks, dissimilarity is the lowest pairwise Duncan index (the most similar pair), not their mean; every pairwise index is shown.";

    /// <summary>
    /// A park's value-chain profile: pᵢ = (firms reporting activity i) ÷ (sum over activities of such counts),
    /// so a firm with several activities counts once in each. All zeros when no firm answered.
    /// </summary>
    public static double[] Profile(IEnumerable<FirmProfile> firms, string park, IReadOnlyList<string> activities)
    {
        var counts = new double[activities.Count];
        foreach (var f in firms.Where(f => f.Park == park))
            foreach (var a in f.Activities.Distinct())
            {
                var i = IndexOf(activities, a);
                if (i >= 0) counts[i]++;
            }
        var sum = counts.Sum();
        return sum == 0 ? counts : counts.Select(c => c / sum).ToArray();
    }

    /// <summary>Duncan's dissimilarity index ½·Σ|pᵢ − qᵢ| (0: identical profiles, 1: no overlap); NaN if a profile is empty.</summary>
    public static double Duncan(IReadOnlyList<double> p, IReadOnlyList<double> q)
    {
        if (p.Sum() == 0 || q.Sum() == 0) return double.NaN;
        return 0.5 * p.Zip(q, (a, b) => Math.Abs(a - b)).Sum();
    }

    /// <summary>
    /// Indicators of mentions made by firms of <paramref name="focal"/> parks about <paramref name="partners"/>
    /// parks. Within-cluster: partner in the focal firm's own park; cross-cluster: partner in another park of
    /// <paramref name="partners"/>. Mentions of Beijing, China or abroad (and of parks outside the set) are
    /// ignored by the shares: they are neither within nor cross.
    /// </summary>
    public static IndicatorSet For(string key, IReadOnlyList<string> focal, IReadOnlyList<string> partners,
        IReadOnlyList<Mention> mentions, IReadOnlyList<FirmProfile> firms,
        IReadOnlyList<string> linkageTypes, IReadOnlyList<string> activities)
    {
        var parks = focal.Union(partners).ToList();
        return For(key, focal, partners, new MentionIndex(mentions, parks, [], linkageTypes), firms, activities);
    }

    /// <summary>As above, over an index built once for many sets (the report computes seven).</summary>
    public static IndicatorSet For(string key, IReadOnlyList<string> focal, IReadOnlyList<string> partners,
        MentionIndex index, IReadOnlyList<FirmProfile> firms, IReadOnlyList<string> activities)
    {
        var types = index.Types;
        var isFocal = index.Parks.Select(focal.Contains).ToArray();
        var isPartner = index.Parks.Select(partners.Contains).ToArray();
        var labourType = IndexOf(types, NatureCodes.Labour);
        var within = new int[types.Count];
        var cross = new int[types.Count];
        // Distinct firms by flags over the dense firm index: cheaper than hash sets at 200,000 mentions.
        var firmCount = Math.Max(index.FirmCount, 1);
        var crossSeen = new bool[types.Count * firmCount];
        var crossFirms = new int[types.Count];
        var labourSeen = new bool[firmCount];
        int collaborative = 0, competitive = 0, labour = 0, labourFirms = 0;
        var perPark = new int[index.Parks.Count];
        for (var i = 0; i < index.Count; i++)
        {
            var f = index.Focal[i];
            if (f < 0 || !isFocal[f]) continue;
            perPark[f]++;
            int partner = index.PartnerPark[i], type = index.Type[i];
            if (partner < 0 || type < 0) continue;
            if (partner == f) { within[type]++; continue; }
            if (!isPartner[partner]) continue;
            cross[type]++;
            var firm = index.Firm[i];
            if (!crossSeen[type * firmCount + firm]) { crossSeen[type * firmCount + firm] = true; crossFirms[type]++; }
            if (index.Nature[i] == MentionIndex.Collaborative) collaborative++;
            else if (index.Nature[i] == MentionIndex.Competitive) competitive++;
            if (type == labourType)
            {
                labour++;
                if (!labourSeen[firm]) { labourSeen[firm] = true; labourFirms++; }
            }
        }
        var shares = types.Select((t, i) => new TypeShare(t, within[i], cross[i], crossFirms[i])).ToList();
        var mentionsPerPark = focal.ToDictionary(p => p, p => IndexOf(index.Parks, p) is var i and >= 0 ? perPark[i] : 0);
        var firmsPerPark = focal.ToDictionary(p => p, p => firms.Count(f => f.Park == p));
        var set = focal.Union(partners).ToList();
        var profiles = set.ToDictionary(p => p, p => Profile(firms, p, activities));
        var pairs = new List<PairIndex>();
        for (var i = 0; i < set.Count; i++)
            for (var j = i + 1; j < set.Count; j++) pairs.Add(new(PairKey(set[i], set[j]), Duncan(profiles[set[i]], profiles[set[j]])));
        var dissimilarity = pairs.Count == 0 || pairs.Any(p => double.IsNaN(p.Index)) ? double.NaN : pairs.Min(p => p.Index);
        return new IndicatorSet(key, focal, dissimilarity, shares, collaborative, competitive,
            new Count(labour, labourFirms), mentionsPerPark, firmsPerPark, pairs.OrderBy(p => p.Pair, StringComparer.Ordinal).ToList());
    }

    static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return -1;
    }
}
