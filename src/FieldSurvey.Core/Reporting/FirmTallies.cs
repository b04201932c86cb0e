namespace FieldSurvey.Core.Reporting;

/// <summary>
/// The counted mentions folded once into per-firm counts (type × partner park, natures, activities), so that a
/// resample of firms is a sum over drawn firms rather than a pass over 200,000 mentions. The unit is the firm:
/// interviewed firms (<see cref="FirmProfile"/>) and any firm that has mentions. <see cref="IndicatorsFor"/> over
/// every firm once reproduces <see cref="Indicators.For(string, IReadOnlyList{string}, IReadOnlyList{string}, MentionIndex, IReadOnlyList{FirmProfile}, IReadOnlyList{string})"/>.
/// </summary>
public sealed class FirmTallies
{
    public IReadOnlyList<string> Parks { get; }
    public IReadOnlyList<string> Types { get; }
    public IReadOnlyList<string> Activities { get; }
    public int FirmCount { get; }
    public readonly int[] Park;
    public readonly int[] FirmIds;
    public readonly bool[] Interviewed;
    /// <summary>[firm, type, partner park]: mentions with a study-park partner.</summary>
    readonly int[] counts;
    /// <summary>[firm, partner park]: collaborative / competitive mentions of a typed, study-park partner.</summary>
    readonly int[] collab, compet;
    readonly int[] mentions;
    readonly bool[] acts;
    readonly int labourType;
    /// <summary>Firm indexes per park, in input order: the strata of the resampling.</summary>
    public IReadOnlyList<int[]> ByPark { get; }

    public FirmTallies(IReadOnlyList<Mention> counted, IReadOnlyList<FirmProfile> firms, IReadOnlyList<string> parks,
        IReadOnlyList<string> types, IReadOnlyList<string> activities)
    {
        (Parks, Types, Activities) = (parks, types, activities);
        var parkOf = parks.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        var typeOf = types.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var actOf = activities.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i, StringComparer.Ordinal);
        var index = new Dictionary<int, int>();
        var park = new List<int>();
        var ids = new List<int>();
        var interviewed = new List<bool>();
        foreach (var f in firms)
            if (parkOf.TryGetValue(f.Park, out var p) && index.TryAdd(f.FirmId, index.Count)) { park.Add(p); ids.Add(f.FirmId); interviewed.Add(true); }
        foreach (var m in counted)
            if (parkOf.TryGetValue(m.FocalPark, out var p) && index.TryAdd(m.FirmId, index.Count)) { park.Add(p); ids.Add(m.FirmId); interviewed.Add(false); }
        FirmCount = index.Count;
        (Park, FirmIds, Interviewed) = (park.ToArray(), ids.ToArray(), interviewed.ToArray());
        int n = FirmCount, t = types.Count, k = parks.Count;
        counts = new int[n * t * k];
        collab = new int[n * k];
        compet = new int[n * k];
        mentions = new int[n];
        acts = new bool[n * activities.Count];
        labourType = typeOf.GetValueOrDefault(NatureCodes.Labour, -1);
        foreach (var m in counted)
        {
            if (!parkOf.TryGetValue(m.FocalPark, out var focal) || !index.TryGetValue(m.FirmId, out var f) || Park[f] != focal) continue;
            mentions[f]++;
            if (m.PartnerPark is null || !parkOf.TryGetValue(m.PartnerPark, out var q) || !typeOf.TryGetValue(m.LinkageType, out var ty)) continue;
            counts[(f * t + ty) * k + q]++;
            if (m.Nature == NatureCodes.Collaborative) collab[f * k + q]++;
            else if (m.Nature == NatureCodes.Competitive) compet[f * k + q]++;
        }
        foreach (var fp in firms)
            if (index.TryGetValue(fp.FirmId, out var f))
                foreach (var a in fp.Activities)
                    if (actOf.TryGetValue(a, out var ai)) acts[f * activities.Count + ai] = true;
        ByPark = Enumerable.Range(0, k).Select(p => Enumerable.Range(0, n).Where(f => Park[f] == p).ToArray()).ToList();
    }

    /// <summary>A set of parks (the configuration or a pair) with each member firm's within and cross counts precomputed.</summary>
    public sealed class SetTallies
    {
        public required string Key { get; init; }
        public required int[] Parks { get; init; }
        public required bool[] InSet { get; init; }
        /// <summary>[firm, type]</summary>
        public required int[] Within { get; init; }
        public required int[] Cross { get; init; }
        public required int[] Collab { get; init; }
        public required int[] Compet { get; init; }
        /// <summary>Firms with at least one cross-cluster mention of any type.</summary>
        public required bool[] AnyCross { get; init; }
    }

    public SetTallies ForSet(string key, IReadOnlyList<string> set)
    {
        int n = FirmCount, t = Types.Count, k = Parks.Count;
        var inSet = Parks.Select(set.Contains).ToArray();
        var within = new int[n * t];
        var cross = new int[n * t];
        var c1 = new int[n];
        var c2 = new int[n];
        var any = new bool[n];
        for (var f = 0; f < n; f++)
        {
            var p = Park[f];
            if (!inSet[p]) continue;
            for (var ty = 0; ty < t; ty++)
            {
                within[f * t + ty] = counts[(f * t + ty) * k + p];
                var x = 0;
                for (var q = 0; q < k; q++) if (q != p && inSet[q]) x += counts[(f * t + ty) * k + q];
                cross[f * t + ty] = x;
                if (x > 0) any[f] = true;
            }
            for (var q = 0; q < k; q++)
                if (q != p && inSet[q]) { c1[f] += collab[f * k + q]; c2[f] += compet[f * k + q]; }
        }
        return new SetTallies
        {
            Key = key, Parks = Enumerable.Range(0, k).Where(q => inSet[q]).ToArray(), InSet = inSet,
            Within = within, Cross = cross, Collab = c1, Compet = c2, AnyCross = any,
        };
    }

    /// <summary>
    /// The indicators of a set over the drawn firms (a firm drawn twice counts twice). <paramref name="drawn"/> holds
    /// firm indexes of any park; those outside the set are ignored. <paramref name="anyCrossFirms"/> returns how many
    /// drawn firms have a cross-cluster mention of any type.
    /// </summary>
    public IndicatorSet IndicatorsFor(SetTallies s, ReadOnlySpan<int> drawn, out int anyCrossFirms)
    {
        int t = Types.Count, k = Parks.Count, a = Activities.Count;
        var within = new int[t];
        var cross = new int[t];
        var crossFirms = new int[t];
        var perPark = new int[k];
        var firmsPerPark = new int[k];
        var actCounts = new double[k * a];
        int collaborative = 0, competitive = 0, labour = 0, labourFirms = 0;
        anyCrossFirms = 0;
        foreach (var f in drawn)
        {
            var p = Park[f];
            if (!s.InSet[p]) continue;
            perPark[p] += mentions[f];
            if (Interviewed[f]) firmsPerPark[p]++;
            for (var ty = 0; ty < t; ty++)
            {
                within[ty] += s.Within[f * t + ty];
                var x = s.Cross[f * t + ty];
                if (x > 0) { cross[ty] += x; crossFirms[ty]++; }
            }
            if (labourType >= 0 && s.Cross[f * t + labourType] is var l and > 0) { labour += l; labourFirms++; }
            if (s.AnyCross[f]) anyCrossFirms++;
            collaborative += s.Collab[f];
            competitive += s.Compet[f];
            for (var ai = 0; ai < a; ai++) if (acts[f * a + ai]) actCounts[p * a + ai]++;
        }
        var shares = new TypeShare[t];
        for (var ty = 0; ty < t; ty++) shares[ty] = new TypeShare(Types[ty], within[ty], cross[ty], crossFirms[ty]);
        var pairs = new List<PairIndex>();
        for (var i = 0; i < s.Parks.Length; i++)
            for (var j = i + 1; j < s.Parks.Length; j++)
                pairs.Add(new(Indicators.PairKey(Parks[s.Parks[i]], Parks[s.Parks[j]]), Duncan(actCounts, s.Parks[i], s.Parks[j], a)));
        pairs.Sort((x, y) => string.CompareOrdinal(x.Pair, y.Pair));
        var dissimilarity = pairs.Count == 0 || pairs.Any(p => double.IsNaN(p.Index)) ? double.NaN : pairs.Min(p => p.Index);
        var focal = s.Parks.Select(p => Parks[p]).ToList();
        return new IndicatorSet(s.Key, focal, dissimilarity, shares, collaborative, competitive, new Count(labour, labourFirms),
            s.Parks.ToDictionary(p => Parks[p], p => perPark[p]), s.Parks.ToDictionary(p => Parks[p], p => firmsPerPark[p]), pairs);
    }

    static double Duncan(double[] actCounts, int p, int q, int a)
    {
        double sp = 0, sq = 0;
        for (var i = 0; i < a; i++) { sp += actCounts[p * a + i]; sq += actCounts[q * a + i]; }
        if (sp == 0 || sq == 0) return double.NaN;
        double d = 0;
        for (var i = 0; i < a; i++) d += Math.Abs(actCounts[p * a + i] / sp - actCounts[q * a + i] / sq);
        return 0.5 * d;
    }

    /// <summary>Whether a firm reported any of the value-chain activities (it has a profile).</summary>
    public bool HasProfile(int f)
    {
        for (var i = 0; i < Activities.Count; i++) if (acts[f * Activities.Count + i]) return true;
        return false;
    }

    /// <summary>Duncan's index of two groups of firms (the permutation test relabels firms between them).</summary>
    public double Duncan(ReadOnlySpan<int> groupA, ReadOnlySpan<int> groupB)
    {
        int a = Activities.Count;
        var c = new double[2 * a];
        foreach (var f in groupA) for (var i = 0; i < a; i++) if (acts[f * a + i]) c[i]++;
        foreach (var f in groupB) for (var i = 0; i < a; i++) if (acts[f * a + i]) c[a + i]++;
        return Duncan(c, 0, 1, a);
    }
}
