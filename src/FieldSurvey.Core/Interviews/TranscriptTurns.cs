using System.Text;
using System.Text.RegularExpressions;

namespace FieldSurvey.Core.Interviews;

public enum Speaker { None, Interviewer, Respondent }

/// <summary>
/// One speaker turn: who speaks and the UTF-16 range of their words in the stored text; <see cref="At"/> is the
/// turn's start in the recording when its line begins with a time marker (<see cref="TurnTimes"/>).
/// </summary>
public sealed record Turn(Speaker Speaker, string Label, int Start, int End, string Text, TimeSpan? At = null);

public static partial class TranscriptTurns
{
    // "访谈员：", "Interviewer:", "受访者:", "Respondent：", also the short forms "问：/答：" and "Q:/A:".
    [GeneratedRegex(@"^\s*(访谈员|采访者|访谈者|问|Interviewer|Q|受访者|被访者|答|Respondent|A)\s*[：:]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex SpeakerPattern();

    /// <summary>
    /// Splits a transcript into speaker turns where lines start with a speaker label, or with a time marker
    /// ("[00:01:05] 受访者：…", "[01:05]" alone); a line without either continues the previous turn. Text without
    /// any label gives one turn with <see cref="Speaker.None"/>. The marker stays in the stored text (so revisions
    /// and coded segments' offsets carry it like any other text) and is left out of the turn's <see cref="Turn.Text"/>.
    /// </summary>
    public static IReadOnlyList<Turn> Parse(string text)
    {
        var turns = new List<Turn>();
        var position = 0;
        Speaker? speaker = null;
        TimeSpan? at = null;
        string label = "";
        int start = 0, bodyStart = 0;
        foreach (var line in text.Split('\n'))
        {
            var (time, markerLength) = TurnTimes.Leading(line);
            var m = SpeakerPattern().Match(line[markerLength..]);
            if (m.Success || time is not null)
            {
                if (speaker is not null || at is not null || position > 0) Close(position - 1);
                speaker = m.Success ? Of(m.Groups[1].Value) : Speaker.None;
                label = m.Success ? m.Groups[1].Value : "";
                at = time;
                start = position;
                bodyStart = position + markerLength + (m.Success ? m.Length : 0);
            }
            position += line.Length + 1;
        }
        Close(text.Length);
        return turns;

        void Close(int end)
        {
            end = Math.Max(end, bodyStart);
            var body = text[bodyStart..Math.Min(end, text.Length)].Trim();
            if (body.Length > 0 || speaker is not null)
                turns.Add(new Turn(speaker ?? Speaker.None, label, start, end, body, at));
            speaker = null;
            at = null;
            label = "";
            start = bodyStart = Math.Min(end + 1, text.Length);
        }
    }

    static Speaker Of(string label) => label.ToLowerInvariant() switch
    {
        "访谈员" or "采访者" or "访谈者" or "问" or "interviewer" or "q" => Speaker.Interviewer,
        _ => Speaker.Respondent,
    };
}
