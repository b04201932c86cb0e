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
    public static IReadOnlyList<Disagreement> Disagreements(IEnumerable<Mention> mentions)
    {
        var byFirm = mentions.GroupBy(m => m.FirmId)
            .Where(g => g.Any(m => m.Source == MentionSource.Coded) && g.Any(m => m.Source == MentionSource.PartnerList));
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
