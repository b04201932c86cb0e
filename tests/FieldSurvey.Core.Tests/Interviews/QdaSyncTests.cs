using FieldSurvey.Core.Exchange;
using FieldSurvey.Core.Interviews;

namespace FieldSurvey.Core.Tests.Interviews;

public sealed class QdaSyncTests
{
    static Guid G(int n) => new($"00000000-0000-0000-0000-{n:000000000000}");

    static QdaProject Project(string text, IReadOnlyList<QdaSelection> selections, IReadOnlyList<QdaSyncPoint> points) =>
        new("p", DateTimeOffset.UnixEpoch, null, [], [], [new QdaSource(G(1), "Yizhuang firm", null, "internal://a.txt", null, null, null, selections)])
        {
            AudioSources = [new QdaAudioSource(G(2), "call", null, G(3), "Yizhuang firm", "internal://a.txt", points)],
        };

    [Fact]
    public void Timed_turns_are_written_as_sync_points_and_read_back_unchanged_without_doubling_the_markers()
    {
        const string text = "[00:00:02] 访谈员：𠀀贵公司和亦庄有合作吗？\n[00:01:05.500] 受访者：有。";
        var points = QdaSync.Of(text, start => G(100 + start));
        // The second turn starts after one surrogate pair: its position in code points is one less than in UTF-16.
        Assert.Equal([(2000L, 0), (65_500L, text.IndexOf("[00:01", StringComparison.Ordinal) - 1)], points.Select(p => (p.TimeStampMs, p.Position)));

        var read = QdaXml.Read(QdaXml.Write(Project(text, [], points)), out var ignored);
        Assert.Empty(ignored);
        Assert.Equal(points, Assert.Single(read.AudioSources).SyncPoints);
        var applied = QdaSync.Apply(read, new Dictionary<string, string> { ["a.txt"] = text });
        Assert.Equal(text, applied.Sources[0].Text);
    }

    [Fact]
    public void Sync_points_of_another_tool_become_turn_times_and_selections_stay_on_their_words()
    {
        const string text = "访谈员：你好\n受访者：我们和亦庄的企业一起做临床试验。";
        var quote = "一起做临床试验";
        var start = TextPositions.ToCodePoints(text, text.IndexOf(quote, StringComparison.Ordinal));
        var selection = new QdaSelection(G(9), quote, start, start + quote.Length, null, null, null, []);
        var line2 = TextPositions.ToCodePoints(text, text.IndexOf("受访者", StringComparison.Ordinal));
        var project = Project(text, [selection], [new QdaSyncPoint(G(5), 0, 0), new QdaSyncPoint(G(6), 4_000, line2)]);

        var source = QdaSync.Apply(project, new Dictionary<string, string> { ["a.txt"] = text }).Sources[0];
        Assert.Equal("[00:00:00] 访谈员：你好\n[00:00:04] 受访者：我们和亦庄的企业一起做临床试验。", source.Text);
        var moved = Assert.Single(source.Selections);
        var revised = source.Text!;
        Assert.Equal(quote, revised[TextPositions.ToUtf16(revised, moved.Start)!.Value..TextPositions.ToUtf16(revised, moved.End)!.Value]);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(4)], TranscriptTurns.Parse(revised).Select(t => t.At!.Value));
    }
}
