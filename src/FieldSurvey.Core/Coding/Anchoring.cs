namespace FieldSurvey.Core.Coding;

/// <summary>A coded span as stored: offsets into the old text and the quote it covered.</summary>
public sealed record AnchoredSpan(int Start, int End, string Quote);

/// <summary>Where a span sits in the revised text; <see cref="State"/> is Lost when it could not be placed.</summary>
public sealed record AnchorResult(int Start, int End, AnchorState State);

/// <summary>
/// Re-anchors coded segments when a transcript is revised. Offsets are UTF-16 code units of the stored NFC
/// text. A span is placed by its quote: where the quote occurs once, there; where it occurs several times,
/// at the occurrence whose surrounding text (up to <see cref="ContextLength"/> characters either side in the
/// old text) matches best, ties broken by nearness to the position the unchanged prefix predicts. A quote
/// that no longer occurs is Lost, and keeps its old offsets clamped to the new text, for the coder to fix.
/// </summary>
public static class Anchoring
{
    public const int ContextLength = 40;

    public static IReadOnlyList<AnchorResult> Reanchor(string oldText, string newText, IReadOnlyList<AnchoredSpan> spans)
    {
        var shift = PrefixShift(oldText, newText);
        return spans.Select(span => Place(oldText, newText, span, shift)).ToList();
    }

    static AnchorResult Place(string oldText, string newText, AnchoredSpan span, Func<int, int> predicted)
    {
        var length = span.Quote.Length;
        if (length == 0) return new AnchorResult(Math.Min(span.Start, newText.Length), Math.Min(span.Start, newText.Length), AnchorState.Lost);

        var occurrences = new List<int>();
        for (var i = newText.IndexOf(span.Quote, StringComparison.Ordinal); i >= 0; i = newText.IndexOf(span.Quote, i + 1, StringComparison.Ordinal))
            occurrences.Add(i);
        if (occurrences.Count == 0)
        {
            var s = Math.Min(span.Start, newText.Length);
            return new AnchorResult(s, Math.Min(s + length, newText.Length), AnchorState.Lost);
        }

        var before = Context(oldText, span.Start - ContextLength, span.Start);
        var after = Context(oldText, span.End, span.End + ContextLength);
        var expected = predicted(span.Start);
        var best = occurrences
            .OrderByDescending(o => CommonSuffix(before, Context(newText, o - ContextLength, o))
                                   + CommonPrefix(after, Context(newText, o + length, o + length + ContextLength)))
            .ThenBy(o => Math.Abs(o - expected))
            .First();
        var state = best == span.Start && span.End == span.Start + length ? AnchorState.Anchored : AnchorState.Moved;
        return new AnchorResult(best, best + length, state);
    }

    // Text common to the start of both versions keeps its offsets; beyond it, offsets move by the change in length.
    static Func<int, int> PrefixShift(string oldText, string newText)
    {
        var common = CommonPrefix(oldText, newText);
        var delta = newText.Length - oldText.Length;
        return offset => offset < common ? offset : offset + delta;
    }

    static string Context(string text, int from, int to)
    {
        from = Math.Clamp(from, 0, text.Length);
        to = Math.Clamp(to, from, text.Length);
        return text[from..to];
    }

    static int CommonPrefix(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[i] == b[i]) i++;
        return i;
    }

    static int CommonSuffix(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[a.Length - 1 - i] == b[b.Length - 1 - i]) i++;
        return i;
    }
}
