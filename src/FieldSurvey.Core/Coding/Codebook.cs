using System.Text.Encodings.Web;
using System.Text.Json;
using FieldSurvey.Core.Study;

namespace FieldSurvey.Core.Coding;

/// <summary>One code as a codebook snapshot stores it.</summary>
public sealed record CodebookEntry(string Kind, string Code, string NameEn, string NameZh, string? Shortcut,
    string? DefinitionEn, string? DefinitionZh, string? Inclusion, string? Exclusion, string? Example,
    bool Active, string? MergedInto, string? Parent = null, string? Color = null);

/// <summary>
/// The codebook is the four coding dimensions of the vocabulary and the thematic codes (with their parent code and
/// colour); snapshots freeze it for a version.
/// </summary>
public static class Codebook
{
    public static readonly TermKind[] Dimensions = [TermKind.LinkageType, TermKind.PartnerLocation, TermKind.PartnerKind, TermKind.Nature];

    /// <summary>Everything a passage can carry: the four dimensions and the thematic codes.</summary>
    public static readonly TermKind[] Coded = [.. Dimensions, TermKind.Theme];

    static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public static string Snapshot(IEnumerable<Term> terms)
    {
        var list = terms.ToList();
        var codes = list.ToDictionary(t => t.Id, t => t.Code);
        var entries = list.Where(t => Coded.Contains(t.Kind))
            .OrderBy(t => t.Kind).ThenBy(t => t.SortOrder).ThenBy(t => t.Code, StringComparer.Ordinal)
            .Select(t => new CodebookEntry(t.Kind.ToString(), t.Code, t.NameEn, t.NameZh, t.Shortcut, t.DefinitionEn,
                t.DefinitionZh, t.Inclusion, t.Exclusion, t.Example, t.IsActive,
                t.MergedIntoId is { } m && codes.TryGetValue(m, out var c) ? c : null,
                t.ParentId is { } p && codes.TryGetValue(p, out var pc) ? pc : null, t.Color))
            .ToList();
        return JsonSerializer.Serialize(entries, Json);
    }

    public static IReadOnlyList<CodebookEntry> Read(string snapshotJson) =>
        JsonSerializer.Deserialize<List<CodebookEntry>>(snapshotJson) ?? [];

    /// <summary>Why a merge of <paramref name="source"/> into <paramref name="target"/> is refused, or null.</summary>
    public static string? MergeProblem(Term source, Term? target)
    {
        if (target is null) return "Choose the code to merge into.";
        if (source.Id == target.Id) return "A code cannot be merged into itself.";
        if (source.Kind != target.Kind) return "Codes can only be merged within one dimension.";
        if (!source.IsActive) return "This code is already retired or merged.";
        if (!target.IsActive) return "The target code is retired or merged; choose an active code.";
        return null;
    }
}
