using FieldSurvey.Core.Interviews;

namespace FieldSurvey.Core.Tests.Interviews;

public sealed class TimedTranscriptTests
{
    [Fact]
    public void Time_markers_start_turns_and_give_their_time_in_Chinese_and_English_brackets()
    {
        var text = "[00:00:03] 访谈员：贵公司和大兴的企业有合作吗？\n【00：01：05.5】受访者：有，我们一起做临床试验。\n还有人员流动。\n[02:07] Interviewer: Thank you.\n[1:00:00] Closing notes.";
        var turns = TranscriptTurns.Parse(text);
        Assert.Equal([Speaker.Interviewer, Speaker.Respondent, Speaker.Interviewer, Speaker.None], turns.Select(t => t.Speaker));
        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(65_500), TimeSpan.FromSeconds(127), TimeSpan.FromHours(1)], turns.Select(t => t.At!.Value));
        Assert.Equal("有，我们一起做临床试验。\n还有人员流动。", turns[1].Text);
        Assert.Equal("Closing notes.", turns[3].Text);
        // A turn's range still starts at its line, marker included, so offsets are the stored text's.
        Assert.StartsWith("【00：01：05.5】受访者", text[turns[1].Start..turns[1].End]);
    }

    [Fact]
    public void Setting_a_time_puts_or_replaces_the_marker_and_null_removes_it()
    {
        var text = "访谈员：你好\n[00:00:09] 受访者：你好";
        var turns = TranscriptTurns.Parse(text);
        var timed = TurnTimes.SetTime(text, turns[0].Start, TimeSpan.FromSeconds(2.25));
        Assert.Equal("[00:00:02.250] 访谈员：你好\n[00:00:09] 受访者：你好", timed);
        var corrected = TurnTimes.SetTime(timed, TranscriptTurns.Parse(timed)[1].Start, TimeSpan.FromSeconds(71));
        Assert.Equal("[00:00:02.250] 访谈员：你好\n[00:01:11] 受访者：你好", corrected);
        Assert.Equal("访谈员：你好\n[00:01:11] 受访者：你好", TurnTimes.SetTime(corrected, 0, null));
    }

    [Fact]
    public void An_SRT_file_in_Chinese_becomes_timed_turns()
    {
        const string srt = "\uFEFF1\r\n00:00:01,500 --> 00:00:04,000\r\n访谈员：贵公司和中关村生命科学园的企业有合作吗？\r\n\r\n2\r\n00:00:04,200 --> 00:00:09,000\r\n受访者：有，我们和北大的实验室一起做研发，\r\n也从亦庄招人。\r\n\r\n";
        var (text, problems) = TimedTranscripts.Import("srt", srt);
        Assert.Empty(problems);
        Assert.Equal("[00:00:01.500] 访谈员：贵公司和中关村生命科学园的企业有合作吗？\n[00:00:04.200] 受访者：有，我们和北大的实验室一起做研发， 也从亦庄招人。", text);
        var turns = TranscriptTurns.Parse(text!);
        Assert.Equal([Speaker.Interviewer, Speaker.Respondent], turns.Select(t => t.Speaker));
        Assert.Equal(TimeSpan.FromMilliseconds(4200), turns[1].At);
    }

    [Fact]
    public void A_WebVTT_file_in_English_with_voice_tags_becomes_timed_turns()
    {
        const string vtt = "WEBVTT - Whisper\n\nNOTE written by a tool\nover two lines\n\n00:05.000 --> 00:07.000 align:start\n<v Interviewer>Do you work with firms in Yizhuang?</v>\n\ncue-2\n01:02:03.250 --> 01:02:05.000\n<v Respondent><i>Yes</i>, we share suppliers.\n";
        var (text, problems) = TimedTranscripts.Import("vtt", vtt);
        Assert.Empty(problems);
        Assert.Equal("[00:00:05] Interviewer: Do you work with firms in Yizhuang?\n[01:02:03.250] Respondent: Yes, we share suppliers.", text);
        var turns = TranscriptTurns.Parse(text!);
        Assert.Equal([Speaker.Interviewer, Speaker.Respondent], turns.Select(t => t.Speaker));
        Assert.Equal(new TimeSpan(0, 1, 2, 3, 250), turns[1].At);
    }

    [Theory]
    [InlineData("srt", "1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:61,000 --> 00:01:02,000\nbad\n", TimedTranscripts.BadTiming, 6)]
    [InlineData("vtt", "1\n00:00:01.000 --> 00:00:02.000\nno header\n", TimedTranscripts.NotVtt, 1)]
    [InlineData("srt", "just words\n", TimedTranscripts.NoCues, 1)]
    [InlineData("txt", "[00:00:01] 访谈员：好\n[00:75:00] 受访者：坏", TimedTranscripts.BadMarker, 2)]
    public void Problems_are_named_by_line_and_nothing_is_returned(string kind, string content, string code, int line)
    {
        var (text, problems) = TimedTranscripts.Import(kind, content);
        Assert.Null(text);
        Assert.Equal(new TimedTextProblem(code, line), Assert.Single(problems));
    }
}
