using System.Numerics;

namespace FieldSurvey.Core.Reporting;

/// <summary>
/// The counted mentions folded once into one row of counts per firm, so that a resample of firms is a sum of rows
/// (vectorised) per park rather than a pass over 200,000 mentions, and every set of parks (the configuration and the
/// pairs) is then read off the parks' sums. The unit is the firm: interviewed firms (<see cref="FirmProfile"/>) and
/// any firm that has mentions. <see cref="IndicatorsFor"/> over every firm once reproduces
/// <see cref="Indicators.For(string, IReadOnlyList{string}, IReadOnlyList{string}, MentionIndex, IReadOnlyList{FirmProfile}, IReadOnlyList{string})"/>
/// for the three-park set and for pairs (the only sets it supports).
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
    /// <summary>Firm indexes per park, in input order: the strata of the resampling.</summary>
    public IReadOnlyList<int[]> ByPark { get; }
    /// <summary>Length of a firm's row, padded to whole vectors.</summary>
    public int RowLength { get; }

    readonly int[] rows;
    readonly int[] actBits;
    readonly int labourType;
    // Row layout, offsets into a firm's row (t: type, q: partner park, a: activity).
    readonly int oWithin, oCross, oCollab, oCompet, oMentions, oInterviewed, oActs, oPairFlag, oAllFlag, oAnyPair, oAnyAll;

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
        int n = FirmCount, t = types.Count, k = parks.Count, a = activities.Count;
        oWithin = 0; oCross = t; oCollab = oCross + t * k; oCompet = oCollab + k; oMentions = oCompet + k; oInterviewed = oMentions + 1;
        oActs = oInterviewed + 1; oPairFlag = oActs + a; oAllFlag = oPairFlag + t * k; oAnyPair = oAllFlag + t; oAnyAll = oAnyPair + k;
        var width = Vector<int>.Count;
        RowLength = (oAnyAll + 1 + width - 1) / width * width;
        var r = RowLength;
        rows = new int[n * r];
        actBits = new int[n];
        labourType = typeOf.GetValueOrDefault(NatureCodes.Labour, -1);
        foreach (var m in counted)
        {
            if (!parkOf.TryGetValue(m.FocalPark, out var focal) || !index.TryGetValue(m.FirmId, out var f) || Park[f] != focal) continue;
            rows[f * r + oMentions]++;
            if (m.PartnerPark is null || !parkOf.TryGetValue(m.PartnerPark, out var q) || !typeOf.TryGetValue(m.LinkageType, out var ty)) continue;
            if (q == focal) { rows[f * r + oWithin + ty]++; continue; }
            rows[f * r + oCross + ty * k + q]++;
            if (m.Nature == NatureCodes.Collaborative) rows[f * r + oCollab + q]++;
            else if (m.Nature == NatureCodes.Competitive) rows[f * r + oCompet + q]++;
        }
        foreach (var fp in firms)
            if (index.TryGetValue(fp.FirmId, out var f))
                foreach (var act in fp.Activities)
                    if (actOf.TryGetValue(act, out var ai)) actBits[f] |= 1 << ai;
        for (var f = 0; f < n; f++)
        {
            var row = rows.AsSpan(f * r, r);
            row[oInterviewed] = Interviewed[f] ? 1 : 0;
            for (var ai = 0; ai < a; ai++) row[oActs + ai] = (actBits[f] >> ai) & 1;
            for (var ty = 0; ty < t; ty++)
            {
                var any = 0;
                for (var q = 0; q < k; q++)
                    if (row[oCross + ty * k + q] > 0) { row[oPairFlag + ty * k + q] = 1; row[oAnyPair + q] = 1; any = 1; }
                row[oAllFlag + ty] = any;
                if (any == 1) row[oAnyAll] = 1;
            }
        }
        ByPark = Enumerable.Range(0, k).Select(p => Enumerable.Range(0, n).Where(f => Park[f] == p).ToArray()).ToList();
    }

    /// <summary>A set of parks: all of them (the configuration) or two (a pair).</summary>
    public sealed record SetTallies(string Key, int[] Parks);

    public SetTallies ForSet(string key, IReadOnlyList<string> set)
    {
        var parks = Enumerable.Range(0, Parks.Count).Where(q => set.Contains(Parks[q])).ToArray();
        if (parks.Length != 2 && parks.Length != Parks.Count) throw new ArgumentException("A set is all parks or a pair.", nameof(set));
        return new SetTallies(key, parks);
    }

    /// <summary>Adds a firm's row to a park's sums (<paramref name="sums"/> holds one row per park).</summary>
    public void Add(Span<int> sums, int firm)
    {
        var r = RowLength;
        var target = sums.Slice(Park[firm] * r, r);
        var source = rows.AsSpan(firm * r, r);
        var width = Vector<int>.Count;
        for (var i = 0; i < r; i += width)
            (new Vector<int>(target.Slice(i, width)) + new Vector<int>(source.Slice(i, width))).CopyTo(target.Slice(i, width));
    }

    /// <summary>The indicators of a set over the drawn firms (a firm drawn twice counts twice; <paramref name="anyCrossFirms"/>: drawn firms with any cross-cluster link).</summary>
    public IndicatorSet IndicatorsFor(SetTallies s, ReadOnlySpan<int> drawn, out int anyCrossFirms)
    {
        var sums = new int[Parks.Count * RowLength];
        foreach (var f in drawn) Add(sums, f);
        return FromSums(s, sums, out anyCrossFirms);
    }

    /// <summary>The indicators of a set from the parks' summed rows.</summary>
    public IndicatorSet FromSums(SetTallies s, ReadOnlySpan<int> sums, out int anyCrossFirms)
    {
        int t = Types.Count, k = Parks.Count, a = Activities.Count, r = RowLength;
        var all = s.Parks.Length == k;
        var shares = new TypeShare[t];
        int collaborative = 0, competitive = 0;
        anyCrossFirms = 0;
        for (var ty = 0; ty < t; ty++)
        {
            int within = 0, cross = 0, firms = 0;
            foreach (var p in s.Parks)
            {
                var row = sums.Slice(p * r, r);
                within += row[oWithin + ty];
                foreach (var q in s.Parks)
                    if (q != p)
                    {
                        cross += row[oCross + ty * k + q];
                        if (!all) firms += row[oPairFlag + ty * k + q];
                    }
                if (all) firms += row[oAllFlag + ty];
            }
            shares[ty] = new TypeShare(Types[ty], within, cross, firms);
        }
        var mentionsPerPark = new Dictionary<string, int>();
        var firmsPerPark = new Dictionary<string, int>();
        foreach (var p in s.Parks)
        {
            var row = sums.Slice(p * r, r);
            mentionsPerPark[Parks[p]] = row[oMentions];
            firmsPerPark[Parks[p]] = row[oInterviewed];
            foreach (var q in s.Parks)
                if (q != p)
                {
                    collaborative += row[oCollab + q];
                    competitive += row[oCompet + q];
                    if (!all) anyCrossFirms += row[oAnyPair + q];
                }
            if (all) anyCrossFirms += row[oAnyAll];
        }
        var labour = labourType >= 0 ? new Count(shares[labourType].Cross, shares[labourType].CrossFirms) : new Count(0, 0);
        var pairs = new List<PairIndex>();
        for (var i = 0; i < s.Parks.Length; i++)
            for (var j = i + 1; j < s.Parks.Length; j++)
                pairs.Add(new(Indicators.PairKey(Parks[s.Parks[i]], Parks[s.Parks[j]]),
                    Duncan(sums.Slice(s.Parks[i] * r + oActs, a), sums.Slice(s.Parks[j] * r + oActs, a))));
        pairs.Sort((x, y) => string.CompareOrdinal(x.Pair, y.Pair));
        var dissimilarity = pairs.Count == 0 || pairs.Any(p => double.IsNaN(p.Index)) ? double.NaN : pairs.Min(p => p.Index);
        return new IndicatorSet(s.Key, s.Parks.Select(p => Parks[p]).ToList(), dissimilarity, shares, collaborative, competitive, labour,
            mentionsPerPark, firmsPerPark, pairs);
    }

    static double Duncan(ReadOnlySpan<int> p, ReadOnlySpan<int> q)
    {
        double sp = 0, sq = 0;
        for (var i = 0; i < p.Length; i++) { sp += p[i]; sq += q[i]; }
        if (sp == 0 || sq == 0) return double.NaN;
        double d = 0;
        for (var i = 0; i < p.Length; i++) d += Math.Abs(p[i] / sp - q[i] / sq);
        return 0.5 * d;
    }

    /// <summary>Whether a firm reported any of the value-chain activities (it has a profile).</summary>
    public bool HasProfile(int f) => actBits[f] != 0;

    /// <summary>Adds a firm's activities to counts (one per activity), for the permutation test's relabelled parks.</summary>
    public void AddActivities(Span<int> counts, int f)
    {
        var bits = actBits[f];
        for (var i = 0; bits != 0; i++, bits >>= 1) counts[i] += bits & 1;
    }

    /// <summary>Duncan's index of two activity count vectors.</summary>
    public static double DuncanOf(ReadOnlySpan<int> p, ReadOnlySpan<int> q) => Duncan(p, q);
}
