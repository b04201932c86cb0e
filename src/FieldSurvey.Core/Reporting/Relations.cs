using System.Text;

namespace FieldSurvey.Core.Reporting;

/// <summary>
/// The combined view of both sources: one relation (same focal firm, same partner, same linkage type) counts
/// once, however many passages and partner-list rows name it. Without it, a partner a respondent named in the
/// interview and the interviewer also listed counted twice.
/// </summary>
public static class Relations
{
    /// <summary>
    /// One mention per relation. The partner is its name, compared after Unicode NFKC, trimming and case folding;
    /// a mention without a partner name cannot be matched and stays on its own. The mention kept is the first
    /// decided coded passage, else the first partner-list row, else the first provisional passage, so the
    /// relation's location and nature come from the best-settled evidence.
    /// </summary>
    public static IReadOnlyList<Mention> Combine(IReadOnlyList<Mention> mentions)
    {
        var kept = new List<Mention>();
        var byKey = new Dictionary<(int, string, string), int>();
        foreach (var m in mentions)
        {
            if (PartnerKey(m.PartnerName) is not { } partner) { kept.Add(m); continue; }
            var key = (m.FirmId, partner, m.LinkageType);
            if (!byKey.TryGetValue(key, out var at)) { byKey[key] = kept.Count; kept.Add(m); }
            else if (Rank(m) < Rank(kept[at])) kept[at] = m;
        }
        return kept;
    }

    static int Rank(Mention m) => m.Source == MentionSource.Coded ? (m.Provisional ? 2 : 0) : 1;

    public static string? PartnerKey(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : name.Normalize(NormalizationForm.FormKC).Trim().ToUpperInvariant();
}
