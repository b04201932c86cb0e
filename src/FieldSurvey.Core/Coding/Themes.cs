using System.Text.RegularExpressions;

namespace FieldSurvey.Core.Coding;

/// <summary>
/// A thematic code carried by a coded passage. Thematic codes sit on the same <see cref="Segment"/> as the four
/// linkage dimensions, so agreement and adjudication can treat "theme X present" as one more dimension of a passage.
/// </summary>
public sealed class SegmentTheme : Entity
{
    public int SegmentId { get; set; }
    public int TermId { get; set; }
}

/// <summary>A named group of codes (REFI-QDA's Set with MemberCode entries), e.g. "Section F themes".</summary>
public sealed class CodeGroup : Entity
{
    public required string Name { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset CreatedAtUtc { get; set; }
}

public sealed class CodeGroupMember : Entity
{
    public int CodeGroupId { get; set; }
    public int TermId { get; set; }
}

/// <summary>One node of the theme tree as the rules need it.</summary>
public sealed record ThemeNode(int Id, int? ParentId, string Code, string Name, bool Active, int SortOrder);

/// <summary>A node placed in the tree: its depth (0 at the top) and its path of codes from the root.</summary>
public sealed record PlacedTheme(ThemeNode Node, int Depth, IReadOnlyList<int> Path);

/// <summary>
/// The rules of the thematic codebook: any depth, no cycles, colours as "#RRGGBB". Moving a code under one of its
/// own descendants would cut the subtree loose from the root, so it is refused.
/// </summary>
public static partial class Themes
{
    public const string MovesUnderItself = "A code cannot be moved under itself or one of its own sub-codes.";
    public const string ParentNotTheme = "The parent must be an active thematic code.";
    public const string BadColour = "Write the colour as #RRGGBB.";
    public const string MergesIntoOwnSubCode = "A code cannot be merged into one of its own sub-codes: move the sub-code out first.";

    /// <summary>
    /// Why merging <paramref name="sourceId"/> into <paramref name="targetId"/> would break the tree, or null: the source's
    /// sub-codes move under the target, so a target inside the source's subtree would become its own ancestor.
    /// </summary>
    public static string? MergeProblem(int sourceId, int targetId, IReadOnlyCollection<ThemeNode> nodes)
    {
        var byId = nodes.ToDictionary(n => n.Id);
        for (int? at = targetId; at is { } a; at = byId.TryGetValue(a, out var n) ? n.ParentId : null)
            if (a == sourceId) return MergesIntoOwnSubCode;
        return null;
    }

    /// <summary>Why <paramref name="id"/> may not take <paramref name="newParentId"/> as its parent, or null.</summary>
    public static string? MoveProblem(int id, int? newParentId, IReadOnlyCollection<ThemeNode> nodes)
    {
        if (newParentId is null) return null;
        var byId = nodes.ToDictionary(n => n.Id);
        if (!byId.TryGetValue(newParentId.Value, out var parent) || !parent.Active) return ParentNotTheme;
        for (int? at = newParentId; at is { } a; at = byId.TryGetValue(a, out var n) ? n.ParentId : null)
            if (a == id) return MovesUnderItself;
        return null;
    }

    /// <summary>
    /// The tree in reading order (parents before children, siblings by sort order then code). Nodes whose parent is
    /// missing are treated as top-level, so a damaged tree still shows every code.
    /// </summary>
    public static IReadOnlyList<PlacedTheme> Walk(IReadOnlyCollection<ThemeNode> nodes)
    {
        var ids = nodes.Select(n => n.Id).ToHashSet();
        var children = nodes.ToLookup(n => n.ParentId is { } p && ids.Contains(p) && p != n.Id ? p : (int?)null);
        var result = new List<PlacedTheme>();
        var seen = new HashSet<int>();
        void Visit(int? parent, int depth, IReadOnlyList<int> path)
        {
            foreach (var n in children[parent].OrderBy(n => n.SortOrder).ThenBy(n => n.Code, StringComparer.Ordinal))
            {
                if (!seen.Add(n.Id)) continue;
                var own = path.Append(n.Id).ToList();
                result.Add(new PlacedTheme(n, depth, own));
                Visit(n.Id, depth + 1, own);
            }
        }
        Visit(null, 0, []);
        return result;
    }

    /// <summary>"#rrggbb", "RRGGBB" or "#RGB" as "#RRGGBB"; null when it is none of these.</summary>
    public static string? NormaliseColour(string? colour)
    {
        if (string.IsNullOrWhiteSpace(colour)) return null;
        var c = colour.Trim().TrimStart('#');
        if (ShortHex().IsMatch(c)) c = string.Concat(c.Select(ch => $"{ch}{ch}"));
        return LongHex().IsMatch(c) ? "#" + c.ToUpperInvariant() : null;
    }

    [GeneratedRegex("^[0-9A-Fa-f]{3}$")] private static partial Regex ShortHex();
    [GeneratedRegex("^[0-9A-Fa-f]{6}$")] private static partial Regex LongHex();
}
