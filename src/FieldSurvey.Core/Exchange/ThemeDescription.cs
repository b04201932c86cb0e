namespace FieldSurvey.Core.Exchange;

/// <summary>The notes of a thematic code, as one REFI-QDA Description and back.</summary>
public sealed record ThemeNotes(string? NameZh, string? DefinitionEn, string? DefinitionZh, string? Inclusion, string? Exclusion, string? Example);

/// <summary>
/// A code has one Description in QDA-XML; a FieldSurvey thematic code has a Chinese name, two definitions, inclusion
/// and exclusion notes and an example. They are written as the English definition followed by labelled lines
/// ("Include: ..."), which other programs show as readable text and FieldSurvey reads back field by field. A
/// description without such lines (every other program's) is all definition.
/// </summary>
public static class ThemeDescription
{
    static readonly (string Label, Func<ThemeNotes, string?> Get)[] Lines =
    [
        ("Chinese name: ", n => n.NameZh), ("Definition (Chinese): ", n => n.DefinitionZh), ("Include: ", n => n.Inclusion),
        ("Exclude: ", n => n.Exclusion), ("Example: ", n => n.Example),
    ];

    public static string? Write(ThemeNotes notes)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(notes.DefinitionEn)) parts.Add(notes.DefinitionEn.Replace("\r", "").Replace("\n", " "));
        foreach (var (label, get) in Lines)
            if (get(notes) is { Length: > 0 } value) parts.Add(label + value.Replace("\r", "").Replace("\n", " "));
        return parts.Count == 0 ? null : string.Join("\n", parts);
    }

    public static ThemeNotes Read(string? description)
    {
        if (string.IsNullOrWhiteSpace(description)) return new(null, null, null, null, null, null);
        var values = new Dictionary<string, string>();
        var definition = new List<string>();
        foreach (var line in description.Replace("\r", "").Split('\n'))
        {
            var label = Lines.Select(l => l.Label).FirstOrDefault(l => line.StartsWith(l, StringComparison.Ordinal));
            if (label is not null) values[label] = line[label.Length..].Trim();
            else definition.Add(line);
        }
        string? V(int i) => values.GetValueOrDefault(Lines[i].Label);
        var def = string.Join("\n", definition).Trim();
        return new(V(0), def.Length == 0 ? null : def, V(1), V(2), V(3), V(4));
    }
}
