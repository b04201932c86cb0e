using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FieldSurvey.Core.Interviews;

/// <summary>A problem found in a subtitle or timed-text file: its code (the page turns it into a sentence) and its line number.</summary>
public sealed record TimedTextProblem(string Code, int Line);

/// <summary>
/// Turns the files transcription services write (SRT, WebVTT: Whisper, iFlytek, Feishu Minutes) and plain text
/// with [hh:mm:ss] markers into the transcript's own form: one turn a line, "[00:01:05] 受访者：…". A cue's speaker
/// comes from a WebVTT voice tag (&lt;v 受访者&gt;) or a leading label (访谈员：/Interviewer:); cue settings, styling
/// tags and numbering are dropped. Problems are codes with the line they were found on, and nothing is returned then.
/// </summary>
public static partial class TimedTranscripts
{
    public const string BadTiming = "timing";        // "00:00:01,000 --> …" unreadable
    public const string NoCues = "no-cues";
    public const string BadMarker = "marker";        // "[00:75:00]"
    public const string NotVtt = "not-vtt";          // a .vtt without its WEBVTT header

    [GeneratedRegex(@"^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})")]
    private static partial Regex TimingPattern();

    [GeneratedRegex(@"^<v(?:\.[^ >]*)?\s+([^>]+)>")]
    private static partial Regex VoicePattern();

    [GeneratedRegex(@"</?[a-zA-Z][^>]*>|\{\\[^}]*\}")]
    private static partial Regex TagPattern();

    /// <summary>Which reader a file name asks for: "srt", "vtt" or "txt" (markers); null for other names.</summary>
    public static string? KindOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".srt" => "srt", ".vtt" => "vtt", ".txt" => "txt", _ => null,
    };

    public static (string? Text, IReadOnlyList<TimedTextProblem> Problems) Import(string kind, string content) => kind switch
    {
        "srt" or "vtt" => Subtitles(content, kind == "vtt"),
        _ => Markers(content),
    };

    /// <summary>Plain text: kept as it is, with every marker-shaped line start checked.</summary>
    static (string?, IReadOnlyList<TimedTextProblem>) Markers(string content)
    {
        var text = TranscriptText.Normalize(content);
        var problems = text.Split('\n').Select((line, i) => (line, i))
            .Where(x => TurnTimes.LooksLikeBadMarker(x.line)).Select(x => new TimedTextProblem(BadMarker, x.i + 1)).ToList();
        return problems.Count > 0 ? (null, problems) : (text, problems);
    }

    static (string?, IReadOnlyList<TimedTextProblem>) Subtitles(string content, bool vtt)
    {
        var lines = TranscriptText.Normalize(content).TrimStart('\uFEFF').Split('\n');
        var problems = new List<TimedTextProblem>();
        if (vtt && !lines[0].StartsWith("WEBVTT", StringComparison.Ordinal)) return (null, [new TimedTextProblem(NotVtt, 1)]);
        var output = new StringBuilder();
        var i = vtt ? 1 : 0;
        var cues = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (line.Contains("-->", StringComparison.Ordinal))
            {
                var m = TimingPattern().Match(line);
                if (!m.Success || Time(m.Groups[1].Value) is not { } at) { problems.Add(new TimedTextProblem(BadTiming, i + 1)); i++; continue; }
                var body = new List<string>();
                for (i++; i < lines.Length && lines[i].Trim().Length > 0; i++) body.Add(lines[i].Trim());
                if (body.Count == 0) continue;
                cues++;
                if (output.Length > 0) output.Append('\n');
                output.Append(TurnTimes.Format(at)).Append(' ').Append(Cue(string.Join(" ", body)));
                continue;
            }
            // NOTE, STYLE and REGION blocks of WebVTT, and any other block without a timing line, are skipped whole.
            if (vtt && (line.StartsWith("NOTE", StringComparison.Ordinal) || line.StartsWith("STYLE", StringComparison.Ordinal) || line.StartsWith("REGION", StringComparison.Ordinal)))
                while (i < lines.Length && lines[i].Trim().Length > 0) i++;
            i++;
        }
        if (problems.Count == 0 && cues == 0) problems.Add(new TimedTextProblem(NoCues, 1));
        return problems.Count > 0 ? (null, problems) : (output.ToString(), problems);
    }

    /// <summary>A cue's words with its speaker as the transcript's label: "&lt;v Respondent&gt;Yes" → "Respondent：Yes".</summary>
    static string Cue(string body)
    {
        var voice = VoicePattern().Match(body);
        var words = TagPattern().Replace(voice.Success ? body[voice.Length..] : body, "").Trim();
        if (!voice.Success) return words;
        var name = voice.Groups[1].Value.Trim();
        var chinese = name.Any(c => c >= '\u4e00' && c <= '\u9fff');
        return name + (chinese ? "：" : ": ") + words;
    }

    static TimeSpan? Time(string value)
    {
        var parts = value.Replace(',', '.').Split(':');
        var (h, m, s) = parts.Length == 3 ? (parts[0], parts[1], parts[2]) : ("0", parts[0], parts[1]);
        if (!int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || !decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            || minutes > 59 || seconds >= 60) return null;
        return new TimeSpan(hours, minutes, 0) + TimeSpan.FromMilliseconds((double)Math.Round(seconds * 1000));
    }
}
