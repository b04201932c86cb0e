namespace FieldSurvey.Core.Reporting;

/// <summary>
/// Mentions translated once into small integers (park, location, type and dense firm indexes), so the report's
/// dozen passes over 200,000 mentions are array loops rather than string look-ups. -1 marks a code outside the
/// report's lists (a retired park, an unknown type): such mentions are skipped by the passes that need the code.
/// </summary>
public sealed class MentionIndex
{
    public const int Collaborative = 1, Competitive = 2;
    public IReadOnlyList<string> Parks { get; }
    public IReadOnlyList<string> Locations { get; }
    public IReadOnlyList<string> Types { get; }
    public int Count { get; }
    public int FirmCount { get; }
    public readonly int[] Focal, Location, PartnerPark, Type, Nature, Firm;

    public MentionIndex(IReadOnlyList<Mention> mentions, IReadOnlyList<string> parks, IReadOnlyList<string> locations, IReadOnlyList<string> types)
    {
        (Parks, Locations, Types, Count) = (parks, locations, types, mentions.Count);
        var parkOf = Map(parks);
        var locationOf = Map(locations);
        var typeOf = Map(types);
        var firmOf = new Dictionary<int, int>();
        Focal = new int[Count]; Location = new int[Count]; PartnerPark = new int[Count]; Type = new int[Count]; Nature = new int[Count]; Firm = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            var m = mentions[i];
            Focal[i] = parkOf.GetValueOrDefault(m.FocalPark, -1);
            Location[i] = locationOf.GetValueOrDefault(m.PartnerLocation, -1);
            PartnerPark[i] = m.PartnerPark is null ? -1 : parkOf.GetValueOrDefault(m.PartnerPark, -1);
            Type[i] = typeOf.GetValueOrDefault(m.LinkageType, -1);
            Nature[i] = m.Nature == NatureCodes.Collaborative ? Collaborative : m.Nature == NatureCodes.Competitive ? Competitive : 0;
            if (!firmOf.TryGetValue(m.FirmId, out var f)) firmOf[m.FirmId] = f = firmOf.Count;
            Firm[i] = f;
        }
        FirmCount = firmOf.Count;
    }

    static Dictionary<string, int> Map(IReadOnlyList<string> codes)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++) map.TryAdd(codes[i], i);
        return map;
    }
}
