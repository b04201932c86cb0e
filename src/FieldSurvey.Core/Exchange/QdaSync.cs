using FieldSurvey.Core.Interviews;

namespace FieldSurvey.Core.Exchange;

/// <summary>
/// Sync points and FieldSurvey's timed turns are two spellings of one thing. Export: each timed turn is a sync
/// point at its line's start. Import: each sync point of a transcript becomes a "[hh:mm:ss]" marker at its position in
/// the matching text source, unless that line already starts with one (FieldSurvey's own exports), and the source's
/// selections are moved past the inserted markers, so codings stay on the same words.
/// </summary>
public static class QdaSync
{
    public static IReadOnlyList<QdaSyncPoint> Of(string text, Func<int, Guid> guid) => TranscriptTurns.Parse(text)
        .Where(t => t.At is not null)
        .Select(t => new QdaSyncPoint(guid(t.Start), (long)t.At!.Value.TotalMilliseconds, TextPositions.ToCodePoints(text, t.Start)))
        .ToList();

    /// <summary>The project with every audio-linked text source's text given markers; <paramref name="files"/> supplies texts kept in Sources/.</summary>
    public static QdaProject Apply(QdaProject project, IReadOnlyDictionary<string, string> files)
    {
        if (project.AudioSources.Count == 0) return project;
        var sources = project.Sources.Select(source =>
        {
            var audio = project.AudioSources.FirstOrDefault(a => a.TranscriptPath is not null && a.TranscriptPath == source.PlainTextPath);
            var text = source.Text ?? (source.PlainTextPath is { } p && files.TryGetValue(p.Replace("internal://", ""), out var f) ? f : null);
            return audio is null || text is null ? source : Insert(source, TranscriptText.Normalize(text), audio.SyncPoints);
        }).ToList();
        return project with { Sources = sources };
    }

    static QdaSource Insert(QdaSource source, string text, IReadOnlyList<QdaSyncPoint> points)
    {
        var selections = source.Selections.ToList();
        // From the end, so earlier positions stay valid while inserting.
        foreach (var point in points.OrderByDescending(p => p.Position))
        {
            if (TextPositions.ToUtf16(text, point.Position) is not { } at) continue;
            var lineStart = at == 0 || text[at - 1] == '\n';
            var lineEnd = text.IndexOf('\n', at);
            if (lineStart && TurnTimes.Leading(text[at..(lineEnd < 0 ? text.Length : lineEnd)]).At is not null) continue;
            var marker = (lineStart ? "" : "\n") + TurnTimes.Format(TimeSpan.FromMilliseconds(point.TimeStampMs)) + " ";
            text = text.Insert(at, marker);
            var shift = TextPositions.Length(marker);
            selections = selections.Select(s => s with
            {
                Start = s.Start >= point.Position ? s.Start + shift : s.Start,
                End = s.End > point.Position ? s.End + shift : s.End,
            }).ToList();
        }
        return source with { Text = text, Selections = selections };
    }
}
