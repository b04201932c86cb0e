using FieldSurvey.Core.Study;

namespace FieldSurvey.Core.Coding;

/// <summary>An entry as the vocabulary rules see it: its kind, code, shortcut key and whether coders still see it.</summary>
public sealed record VocabularyEntry(int Id, TermKind Kind, string Code, string? Shortcut, bool Active)
{
    public static VocabularyEntry Of(Term term) => new(term.Id, term.Kind, term.Code, term.Shortcut, term.IsActive);
}

public enum VocabularyField
{
    Code = 0,
    Shortcut = 1,
}

/// <summary>A broken vocabulary rule: the field and an English sentence the page looks up in the string table.</summary>
public sealed record VocabularyProblem(VocabularyField Field, string Code);

/// <summary>
/// Codes and shortcut keys of the vocabulary, checked wherever it is edited or imported (the vocabulary page,
/// the seed files, a REFI-QDA codebook). The four coding dimensions share one namespace: a code names one entry
/// across them (exports and the codebook list codes side by side), and the annotator has one shortcut map, where
/// a duplicate key would silently win. Keys are compared without regard to case, as the annotator matches them.
/// </summary>
public static class VocabularyRules
{
    public const string DuplicateCode = "Another entry already has this code.";
    public const string DuplicateCodeAcrossDimensions = "An entry of another coding dimension already has this code.";
    public const string DuplicateShortcut = "Another coding entry already uses this shortcut key.";

    public static bool IsCodingDimension(TermKind kind) => Codebook.Dimensions.Contains(kind);

    /// <summary>
    /// The problems of <paramref name="entry"/> among <paramref name="others"/> (a saved entry, id above 0, is skipped there).
    /// Codes clash with every entry, retired or merged too (they stay in old exports and snapshots); shortcut
    /// keys only with entries coders still see, so a retired entry's key can be given to its successor.
    /// </summary>
    public static IEnumerable<VocabularyProblem> Check(VocabularyEntry entry, IEnumerable<VocabularyEntry> others)
    {
        var rest = others.Where(o => entry.Id == 0 || o.Id != entry.Id).ToList();
        if (rest.Any(o => o.Kind == entry.Kind && o.Code == entry.Code))
            yield return new(VocabularyField.Code, DuplicateCode);
        else if (IsCodingDimension(entry.Kind) && rest.Any(o => o.Kind != entry.Kind && IsCodingDimension(o.Kind) && o.Code == entry.Code))
            yield return new(VocabularyField.Code, DuplicateCodeAcrossDimensions);
        if (entry.Active && IsCodingDimension(entry.Kind) && !string.IsNullOrEmpty(entry.Shortcut)
            && rest.Any(o => o.Active && IsCodingDimension(o.Kind) && string.Equals(o.Shortcut, entry.Shortcut, StringComparison.OrdinalIgnoreCase)))
            yield return new(VocabularyField.Shortcut, DuplicateShortcut);
    }

    /// <summary>Every problem of a whole vocabulary (the seed files): each entry against those before it, so the second of a pair is named.</summary>
    public static IEnumerable<(VocabularyEntry Entry, VocabularyProblem Problem)> CheckAll(IReadOnlyList<VocabularyEntry> entries) =>
        entries.SelectMany((e, i) => Check(e, entries.Where((_, j) => j < i)).Select(p => (e, p)));
}
