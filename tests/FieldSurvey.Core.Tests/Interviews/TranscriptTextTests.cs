using System.Text;
using FieldSurvey.Core.Interviews;

namespace FieldSurvey.Core.Tests.Interviews;

public sealed class TranscriptTextTests
{
    [Theory]
    [InlineData("a\r\nb\rc\n", "a\nb\nc")]
    [InlineData("受访者：你好\r\n", "受访者：你好")]
    public void Line_ends_become_newlines_and_trailing_blanks_go(string input, string expected) =>
        Assert.Equal(expected, TranscriptText.Normalize(input));

    [Fact]
    public void Decomposed_characters_are_composed_to_NFC()
    {
        var decomposed = "Cafe\u0301 e\u0301";
        var normalized = TranscriptText.Normalize(decomposed);
        Assert.Equal("Café é", normalized);
        Assert.True(normalized.IsNormalized(NormalizationForm.FormC));
    }
}
