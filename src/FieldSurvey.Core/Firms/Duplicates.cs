using System.Text;

namespace FieldSurvey.Core.Firms;

/// <summary>What duplicate detection needs to know about a firm.</summary>
public sealed record FirmKey(int Id, string NameZh, string? NameEn, IReadOnlyList<string> Phones);

/// <summary>
/// Possible duplicates in the sampling frame: the same name in either language (ignoring case, spaces,
/// punctuation and full-width forms, so "百奥泰康 生物" = "百奥泰康生物") or a shared telephone number after
/// <see cref="Phones.Normalize"/>. A warning, not a refusal: two firms can share a switchboard.
/// </summary>
public static class Duplicates
{
    public static IReadOnlyList<int> Find(FirmKey candidate, IEnumerable<FirmKey> existing)
    {
        var names = NamesOf(candidate);
        var phones = candidate.Phones.Select(Phones.Normalize).Where(p => p.Length >= 7).ToHashSet();
        return existing
            .Where(f => f.Id != candidate.Id)
            .Where(f => NamesOf(f).Overlaps(names) || f.Phones.Select(Phones.Normalize).Any(phones.Contains))
            .Select(f => f.Id)
            .ToList();
    }

    public static string NameKey(string? name)
    {
        var sb = new StringBuilder();
        foreach (var ch in (name ?? "").Normalize(NormalizationForm.FormKC))
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
        return sb.ToString();
    }

    static HashSet<string> NamesOf(FirmKey f) =>
        new[] { NameKey(f.NameZh), NameKey(f.NameEn) }.Where(k => k.Length > 0).ToHashSet();
}
