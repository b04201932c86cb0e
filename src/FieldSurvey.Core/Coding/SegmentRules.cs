namespace FieldSurvey.Core.Coding;

/// <summary>
/// Checks a coded span against the stored transcript text. Offsets are UTF-16 code units of the stored
/// NFC "\n" text (what C# and JavaScript both index by). A span must not start or end inside a
/// surrogate pair (a character outside the Basic Multilingual Plane such as "𠀀" or an emoji), and its
/// quote must be exactly the text between its offsets: the browser sends both, so a mismatch means the
/// text changed under the coder or the client counted wrong, and the server refuses rather than guess.
/// </summary>
public static class SegmentRules
{
    public const string BadOffsets = "The passage lies outside the transcript.";
    public const string SplitsCharacter = "The passage starts or ends inside a character.";
    public const string QuoteMismatch = "The quoted text does not match the transcript at these offsets; reload the transcript and select the passage again.";

    public static string? CheckSpan(string text, int start, int end, string? quote)
    {
        if (start < 0 || end <= start || end > text.Length) return BadOffsets;
        if (InsidePair(text, start) || InsidePair(text, end)) return SplitsCharacter;
        if (!string.Equals(text[start..end], quote, StringComparison.Ordinal)) return QuoteMismatch;
        return null;
    }

    static bool InsidePair(string text, int offset) =>
        offset > 0 && offset < text.Length && char.IsHighSurrogate(text[offset - 1]) && char.IsLowSurrogate(text[offset]);

    /// <summary>The quote with <paramref name="width"/> characters of text either side, for showing it in context.</summary>
    public static (string Before, string Quote, string After) InContext(string text, int start, int end, int width)
    {
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        var from = Math.Max(0, start - width);
        var to = Math.Min(text.Length, end + width);
        if (from > 0 && char.IsLowSurrogate(text[from])) from--;
        if (to < text.Length && char.IsLowSurrogate(text[to])) to++;
        return ((from > 0 ? "…" : "") + text[from..start], text[start..end], text[end..to] + (to < text.Length ? "…" : ""));
    }
}
