namespace FieldSurvey.Core.Exchange;

/// <summary>
/// REFI-QDA selection positions count "characters"; FieldSurvey writes and reads them as Unicode code
/// points (a character outside the Basic Multilingual Plane, e.g. an emoji or a CJK Extension B
/// ideograph, counts once), while it stores UTF-16 code units. The two differ only after such characters.
/// </summary>
public static class TextPositions
{
    /// <summary>The code-point position of UTF-16 offset <paramref name="utf16"/> (which must not split a surrogate pair).</summary>
    public static int ToCodePoints(string text, int utf16)
    {
        var points = 0;
        for (var i = 0; i < utf16 && i < text.Length; i++)
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]))) points++;
        return points;
    }

    /// <summary>The UTF-16 offset of code-point position <paramref name="codePoints"/>, or null when it lies beyond the text.</summary>
    public static int? ToUtf16(string text, int codePoints)
    {
        if (codePoints < 0) return null;
        var i = 0;
        for (var n = 0; n < codePoints; n++)
        {
            if (i >= text.Length) return null;
            i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        }
        return i;
    }

    /// <summary>Length of <paramref name="text"/> in code points.</summary>
    public static int Length(string text) => ToCodePoints(text, text.Length);
}
