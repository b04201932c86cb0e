using FieldSurvey.Core.Calls;

namespace FieldSurvey.Core.Tests.Calls;

public sealed class FinalDispositionTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 16, 1, 0, 0, TimeSpan.Zero);

    static string Derive(params string[] codes) =>
        FinalDisposition.Derive(codes.Select((c, i) => new AttemptOutcome(T0.AddHours(i), c))).Code;

    [Theory]
    [InlineData("3.11")]                               // never called
    [InlineData("3.13", "3.13")]                       // only no answers: the last one
    [InlineData("3.13", "2.21", "2.21")]
    [InlineData("1.1", "3.13", "1.1")]                 // a complete outranks a later no-answer
    [InlineData("1.2", "1.1", "1.1")]                  // a complete outranks an earlier partial
    [InlineData("1.1", "1.2", "1.1")]                  // ... and a later one
    [InlineData("2.111", "3.13", "2.111")]             // a refusal is not undone by a later no-answer
    [InlineData("2.21", "4.30", "4.30")]               // not eligible settles it
    [InlineData("2.111", "4.50", "4.50")]              // not eligible outranks a refusal
    [InlineData("2.22", "3.13", "2.22")]               // reached an eligible firm once: eligibility stays known
    [InlineData("3.12", "3.13", "3.16", "3.16")]       // all unknown: the latest
    public void The_final_disposition_follows_the_priority_rule(params string[] codesThenExpected)
    {
        var codes = codesThenExpected[..^1];
        var expected = codesThenExpected[^1];
        Assert.Equal(expected, Derive(codes));
    }

    [Fact]
    public void A_PI_override_replaces_the_derived_disposition()
    {
        var attempts = new[] { new AttemptOutcome(T0, "3.13") };
        Assert.Equal("4.50", FinalDisposition.Derive(attempts, "4.50").Code);
        Assert.Equal("3.13", FinalDisposition.Derive(attempts, null).Code);
    }

    [Fact]
    public void Unknown_codes_in_old_data_are_ignored_rather_than_guessed()
    {
        Assert.Equal("3.13", Derive("2.32", "3.13", "3.13"));
    }

    [Fact]
    public void Every_code_of_the_catalog_has_a_Chinese_label_and_the_codes_are_unique()
    {
        Assert.All(Dispositions.All, d => Assert.False(string.IsNullOrWhiteSpace(d.NameZh)));
        Assert.Equal(Dispositions.All.Count, Dispositions.All.Select(d => d.Code).Distinct().Count());
        Assert.DoesNotContain(Dispositions.Loggable, d => d.Code == Dispositions.NotAttempted);
    }
}
