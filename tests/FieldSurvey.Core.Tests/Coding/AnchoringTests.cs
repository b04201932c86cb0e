using FieldSurvey.Core.Coding;

namespace FieldSurvey.Core.Tests.Coding;

public sealed class AnchoringTests
{
    const string Old = "受访者：我们和北大合作研发。\nRespondent: We buy reagents from Huaqing.\n受访者：我们和北大合作研发。";

    static AnchoredSpan Span(string text, string quote, int nth = 0)
    {
        var start = -1;
        for (var i = 0; i <= nth; i++) start = text.IndexOf(quote, start + 1, StringComparison.Ordinal);
        return new AnchoredSpan(start, start + quote.Length, quote);
    }

    [Fact]
    public void Inserting_a_paragraph_before_coded_passages_moves_them_onto_the_same_text()
    {
        var spans = new[] { Span(Old, "We buy reagents from Huaqing"), Span(Old, "我们和北大合作研发", nth: 1) };
        var revised = "访谈员：补充一段新的内容。\n" + Old;

        var results = Anchoring.Reanchor(Old, revised, spans);

        for (var i = 0; i < spans.Length; i++)
        {
            Assert.Equal(AnchorState.Moved, results[i].State);
            Assert.Equal(spans[i].Quote, revised[results[i].Start..results[i].End]);
        }
        Assert.Equal(revised.LastIndexOf("我们和北大合作研发", StringComparison.Ordinal), results[1].Start);
    }

    [Fact]
    public void A_span_in_unchanged_text_stays_anchored()
    {
        var span = Span(Old, "We buy reagents");
        var result = Anchoring.Reanchor(Old, Old + "\n新的一行", [span]).Single();
        Assert.Equal(new AnchorResult(span.Start, span.End, AnchorState.Anchored), result);
    }

    [Fact]
    public void A_quote_that_was_edited_away_is_flagged_lost_not_dropped()
    {
        var span = Span(Old, "We buy reagents from Huaqing");
        var revised = Old.Replace("We buy reagents from Huaqing", "We make our own reagents");
        var result = Anchoring.Reanchor(Old, revised, [span]).Single();
        Assert.Equal(AnchorState.Lost, result.State);
        Assert.InRange(result.End, result.Start, revised.Length);
    }

    [Fact]
    public void Of_repeated_quotes_the_one_with_the_same_context_wins()
    {
        var first = Span(Old, "我们和北大合作研发", nth: 0);
        var revised = Old.Replace("Respondent:", "Respondent (after a pause):");
        var result = Anchoring.Reanchor(Old, revised, [first]).Single();
        Assert.Equal(revised.IndexOf("我们和北大合作研发", StringComparison.Ordinal), result.Start);
    }
}
