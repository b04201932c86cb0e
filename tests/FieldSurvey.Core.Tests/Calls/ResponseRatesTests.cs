using FieldSurvey.Core.Calls;

namespace FieldSurvey.Core.Tests.Calls;

public sealed class ResponseRatesTests
{
    [Fact]
    public void The_five_rates_match_a_worked_example_computed_by_hand()
    {
        // I=20 P=5 R=10 NC=8 O=2 UH=4 UO=1 NE=6 (NE is left out of every denominator).
        // all   = (20+5) + (10+8+2) + (4+1) = 25 + 20 + 5 = 50
        // RR1   = 20 / 50           = 0.40
        // RR2   = 25 / 50           = 0.50
        // COOP1 = 20 / (25+10+2=37) = 0.5405405...
        // REF1  = 10 / 50           = 0.20
        // CON1  = (25+10+2=37) / 50 = 0.74
        // e     = 45 / (45+6=51)    = 0.8823529...
        var counts = new RateCounts(I: 20, P: 5, R: 10, NC: 8, O: 2, UH: 4, UO: 1, NE: 6);
        var rates = ResponseRates.Compute(counts);
        Assert.Equal(0.40, rates.RR1, 10);
        Assert.Equal(0.50, rates.RR2, 10);
        Assert.Equal(20.0 / 37, rates.COOP1, 10);
        Assert.Equal(0.54054054, rates.COOP1, 8);
        Assert.Equal(0.20, rates.REF1, 10);
        Assert.Equal(0.74, rates.CON1, 10);
        Assert.Equal(0.88235294, counts.E, 8);
    }

    [Fact]
    public void Counting_final_dispositions_puts_each_firm_in_its_AAPOR_class()
    {
        // 2 completes, 1 partial, refusal (2.111) + break-off (2.12) = R 2, 2.21 = NC 1, 2.30 = O 1,
        // 3.13 + 3.11 = UH 2, 3.21 = UR 1 (10th edition: 3.20 is UR, no longer UO), 4.30 + 4.50 = NE 2.
        // all = 3 + 4 + 3 = 10; RR1 = 2/10 = 0.2; RR2 = 3/10 = 0.3; COOP1 = 2/(3+2+1) = 1/3;
        // REF1 = 2/10 = 0.2; CON1 = (3+2+1)/10 = 0.6.
        string[] codes = ["1.1", "1.1", "1.2", "2.111", "2.12", "2.21", "2.30", "3.13", "3.11", "3.21", "4.30", "4.50"];
        var counts = RateCounts.From(codes.Select(Dispositions.Get));
        Assert.Equal(new RateCounts(2, 1, 2, 1, 1, UH: 2, UO: 0, NE: 2, UR: 1), counts);
        var rates = ResponseRates.Compute(counts);
        Assert.Equal(0.2, rates.RR1, 10);
        Assert.Equal(0.3, rates.RR2, 10);
        Assert.Equal(1.0 / 3, rates.COOP1, 10);
        Assert.Equal(0.2, rates.REF1, 10);
        Assert.Equal(0.6, rates.CON1, 10);
    }

    [Fact]
    public void A_rate_with_a_zero_denominator_is_not_a_number_rather_than_zero()
    {
        // Only not-eligible cases: every denominator is 0.
        var rates = ResponseRates.Compute(new RateCounts(0, 0, 0, 0, 0, 0, 0, NE: 3));
        Assert.True(double.IsNaN(rates.RR1));
        Assert.True(double.IsNaN(rates.CON1));
        // Only non-contacts: RR1 = 0/4 = 0, but COOP1 = 0/(0+0+0) has nobody contacted.
        var noContact = ResponseRates.Compute(new RateCounts(0, 0, 0, NC: 4, 0, 0, 0, 0));
        Assert.Equal(0, noContact.RR1);
        Assert.True(double.IsNaN(noContact.COOP1));
    }

    [Fact]
    public void The_whole_set_reproduces_the_published_outcomerate_example_with_e_one_half()
    {
        // Source: rOpenSci package outcomerate (Pilliard Hellwig), tests/testthat/test-rate.R, "expected rates if
        // e = 0.5", for the 16 cases I,P,I,NC,UH,I,R,UO,I,O,P,I,R,O,P,NE: I=5 P=3 R=2 NC=1 O=2 UH=1 UO=1 NE=1.
        // (An open-source calculator's published test table, not AAPOR's own Excel calculator, which was not at hand.)
        var rates = ResponseRates.ComputeAll(new RateCounts(I: 5, P: 3, R: 2, NC: 1, O: 2, UH: 1, UO: 1, NE: 1), e: 0.5);
        double[] expected = [1.0 / 3, 8.0 / 15, 5.0 / 14, 4.0 / 7, 5.0 / 13, 8.0 / 13,
            5.0 / 12, 2.0 / 3, 1.0 / 2, 4.0 / 5, 2.0 / 15, 1.0 / 7, 2.0 / 13, 4.0 / 5, 6.0 / 7, 12.0 / 13];
        Assert.Equal(16, ResponseRates.Definitions.Count);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - ResponseRates.Definitions[i].Get(rates)) < 1e-12, ResponseRates.Definitions[i].Name);

        // The same case coded 3.20 (UR, 10th edition) instead of UO gives the same rates with one e for all unknowns.
        Assert.Equal(rates, ResponseRates.ComputeAll(new RateCounts(I: 5, P: 3, R: 2, NC: 1, O: 2, UH: 1, UO: 0, NE: 1, UR: 1), e: 0.5));
    }

    [Fact]
    public void The_e_rates_with_the_proportional_e_match_a_worked_example_computed_by_hand()
    {
        // I=20 P=5 R=10 NC=8 O=2 UH=3 UR=1 UO=1 NE=6. Eligible = 45, unknown = 5, e = 45/51.
        // e·unknown = 225/51; denominator = 45 + 225/51 = (2295 + 225)/51 = 2520/51.
        // RR3 = 20·51/2520 = 17/42; RR4 = 25·51/2520 = 85/168; REF2 = 10·51/2520 = 17/84; CON2 = 37·51/2520 = 629/840.
        // Without unknowns: RR5 = 20/45 = 4/9, RR6 = 25/45 = 5/9, REF3 = 10/45 = 2/9, CON3 = 37/45.
        // COOP2 = 25/37, COOP3 = 20/(25+10) = 4/7, COOP4 = 25/35 = 5/7.
        var counts = new RateCounts(I: 20, P: 5, R: 10, NC: 8, O: 2, UH: 3, UO: 1, NE: 6, UR: 1);
        var e = EligibilityEstimate.For(counts, setByPI: null);
        Assert.Equal(EligibilityBasis.Proportional, e.Basis);
        Assert.Equal(45.0 / 51, e.Value, 12);
        var r = ResponseRates.ComputeAll(counts, e.Value);
        Assert.Equal(17.0 / 42, r.RR3, 12);
        Assert.Equal(85.0 / 168, r.RR4, 12);
        Assert.Equal(17.0 / 84, r.REF2, 12);
        Assert.Equal(629.0 / 840, r.CON2, 12);
        Assert.Equal(4.0 / 9, r.RR5, 12);
        Assert.Equal(5.0 / 9, r.RR6, 12);
        Assert.Equal(2.0 / 9, r.REF3, 12);
        Assert.Equal(37.0 / 45, r.CON3, 12);
        Assert.Equal(25.0 / 37, r.COOP2, 12);
        Assert.Equal(4.0 / 7, r.COOP3, 12);
        Assert.Equal(5.0 / 7, r.COOP4, 12);
        // RR1 keeps every unknown in the denominator: 20 / 50.
        Assert.Equal(0.4, r.RR1, 12);
    }

    [Fact]
    public void A_PI_set_e_replaces_the_estimate_and_says_so()
    {
        // Same counts, e = 0.2 set by the PI: denominator = 45 + 0.2·5 = 46; RR3 = 20/46.
        var counts = new RateCounts(I: 20, P: 5, R: 10, NC: 8, O: 2, UH: 3, UO: 1, NE: 6, UR: 1);
        var e = EligibilityEstimate.For(counts, setByPI: 0.2);
        Assert.Equal(new EligibilityEstimate(0.2, EligibilityBasis.SetByPI), e);
        Assert.Equal(20.0 / 46, ResponseRates.ComputeAll(counts, e.Value).RR3, 12);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(0.0, true)]
    [InlineData(1.0, true)]
    [InlineData(-0.01, false)]
    [InlineData(1.5, false)]
    public void A_PI_set_e_must_be_a_share(double? e, bool ok) =>
        Assert.Equal(ok, EligibilityEstimate.Check(e) is null);

    [Fact]
    public void Without_unknown_cases_the_e_rates_need_no_e_and_with_unknowns_an_undefined_e_gives_no_rate()
    {
        // No resolved case and no unknowns is impossible to rate; here: I=4 R=1, no unknowns, e undefined (NaN).
        var none = ResponseRates.ComputeAll(new RateCounts(4, 0, 1, 0, 0, 0, 0, 0), double.NaN);
        Assert.Equal(0.8, none.RR3, 12);
        // Only unknowns (UH=2): e = 0/0 is undefined, so RR3 is "—", while RR1 = 0/2 = 0.
        var unknown = new RateCounts(0, 0, 0, 0, 0, UH: 2, UO: 0, NE: 0);
        Assert.True(double.IsNaN(unknown.E));
        var rates = ResponseRates.ComputeAll(unknown, unknown.E);
        Assert.True(double.IsNaN(rates.RR3));
        Assert.Equal(0, rates.RR1);
    }
}
