namespace FieldSurvey.Core.Reporting;

/// <summary>A firm's linkages of one type to one location, counted in each source, where only one source has them.</summary>
public sealed record Disagreement(int FirmId, string LinkageType, string PartnerLocation, int Coded, int PartnerList);

public static class SourceComparison
{
    /// <summary>
    /// Firm × linkage type × partner location combinations mentioned in coded passages but not in the partner
    /// list, or the other way round. Only firms with evidence from both sources are compared: a firm whose
    /// transcript is not coded yet would otherwise disagree everywhere.
    /// </summary>
    public static IReadOnlyList<Disagreement> Disagreements(IReadOnlyList<Mention> mentions)
    {
        // One cheap pass first: which firms have both sources (often few, and none in a coded-only study).
        var sources = new Dictionary<int, int>();
        foreach (var m in mentions) sources[m.FirmId] = sources.GetValueOrDefault(m.FirmId) | (m.Source == MentionSource.Coded ? 1 : 2);
        var byFirm = mentions.Where(m => sources[m.FirmId] == 3).GroupBy(m => m.FirmId);
        var result = new List<Disagreement>();
        foreach (var firm in byFirm)
            foreach (var cell in firm.GroupBy(m => (m.LinkageType, m.PartnerLocation)))
            {
                var coded = cell.Count(m => m.Source == MentionSource.Coded);
                var listed = cell.Count(m => m.Source == MentionSource.PartnerList);
                if (coded == 0 || listed == 0)
                    result.Add(new Disagreement(firm.Key, cell.Key.LinkageType, cell.Key.PartnerLocation, coded, listed));
            }
        return result.OrderBy(d => d.FirmId).ThenBy(d => d.LinkageType, StringComparer.Ordinal)
            .ThenBy(d => d.PartnerLocation, StringComparer.Ordinal).ToList();
    }
}
