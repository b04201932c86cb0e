using FieldSurvey.Core.Calls;

namespace FieldSurvey.Core.Tests.Calls;

public sealed class FinalDispositionTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 16, 1, 0, 0, TimeSpan.Zero);

    static string Derive(params string[] codes) =>
        FinalDisposition.Derive(codes.Select((c, i) => new AttemptOutcome(T0.AddHours(i), c))).Code;

    // Attempt histories worked by hand against the hierarchy (FinalDisposition.Steps), oldest call first, then the
    // expected final code. Steps: 1.1 > 1.2 > 4.x > 2.1x > 2.2x/2.30 > 3.2x/3.90 > 3.1x; within a step the latest.
    [Theory]
    [InlineData("3.11")]                               // never called
    [InlineData("3.13", "3.13")]                       // only no answers: the last one
    [InlineData("3.13", "2.21", "2.21")]
    [InlineData("1.1", "3.13", "1.1")]                 // a complete outranks a later no-answer
    [InlineData("1.2", "1.1", "1.1")]                  // a complete outranks an earlier partial
    [InlineData("1.1", "1.2", "1.1")]                  // ... and a later one
    [InlineData("2.12", "3.13", "1.1", "1.1")]         // a break-off converted into an interview
    [InlineData("2.111", "3.13", "2.111")]             // a refusal is not undone by a later no-answer
    [InlineData("2.111", "2.21", "2.111")]             // ... nor by a later non-contact
    [InlineData("2.21", "2.111", "2.111")]
    [InlineData("2.21", "4.30", "4.30")]               // not eligible settles it
    [InlineData("2.111", "4.50", "4.50")]              // not eligible outranks a refusal
    [InlineData("1.1", "4.50", "1.1")]                 // an interview outranks it (a PI override can still say 4.50)
    [InlineData("2.22", "3.13", "2.22")]               // reached an eligible firm once: eligibility stays known
    [InlineData("3.21", "3.13", "3.21")]               // reached the firm: a later no-answer must not make it less known
    [InlineData("3.13", "3.21", "3.12", "3.21")]
    [InlineData("3.21", "3.16", "3.15", "3.21")]
    [InlineData("3.21", "2.21", "2.21")]               // eligible non-contact outranks "reached, respondent unknown"
    [InlineData("2.30", "3.21", "2.30")]
    [InlineData("3.21", "3.90", "3.90")]               // same step: the latest
    [InlineData("3.12", "3.13", "3.16", "3.16")]       // all unknown: the latest
    public void The_final_disposition_follows_the_priority_rule(params string[] codesThenExpected)
    {
        var codes = codesThenExpected[..^1];
        var expected = codesThenExpected[^1];
        Assert.Equal(expected, Derive(codes));
    }

    [Fact]
    public void Of_two_attempts_of_one_step_logged_at_the_same_time_the_one_given_later_counts()
    {
        var attempts = new[] { new AttemptOutcome(T0, "3.13"), new AttemptOutcome(T0, "3.12") };
        Assert.Equal("3.12", FinalDisposition.Derive(attempts).Code);
    }

    [Fact]
    public void Every_disposition_of_the_catalog_has_exactly_one_step_of_the_hierarchy()
    {
        Assert.All(Dispositions.All, d => Assert.Single(FinalDisposition.Steps, s => s.Classes.Contains(d.Class)));
        Assert.Equal(Enumerable.Range(1, FinalDisposition.Steps.Count), FinalDisposition.Steps.Select(s => s.Rank));
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
