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
        // 3.13 + 3.11 = UH 2, 3.21 = UO 1, 4.30 + 4.50 = NE 2.
        // all = 3 + 4 + 3 = 10; RR1 = 2/10 = 0.2; RR2 = 3/10 = 0.3; COOP1 = 2/(3+2+1) = 1/3;
        // REF1 = 2/10 = 0.2; CON1 = (3+2+1)/10 = 0.6.
        string[] codes = ["1.1", "1.1", "1.2", "2.111", "2.12", "2.21", "2.30", "3.13", "3.11", "3.21", "4.30", "4.50"];
        var counts = RateCounts.From(codes.Select(Dispositions.Get));
        Assert.Equal(new RateCounts(2, 1, 2, 1, 1, 2, 1, 2), counts);
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
}
