namespace FieldSurvey.Core.Calls;

/// <summary>
/// Case counts by AAPOR class. One case = one firm, counted once at its final disposition.
/// UH = unknown whether the number reaches an eligible firm; UO = firm reached, unknown whether an
/// eligible respondent exists; NE = not eligible (excluded from every rate below).
/// </summary>
public sealed record RateCounts(int I, int P, int R, int NC, int O, int UH, int UO, int NE)
{
    public static RateCounts From(IEnumerable<Disposition> finalDispositions)
    {
        var c = finalDispositions.GroupBy(d => d.Class).ToDictionary(g => g.Key, g => g.Count());
        int N(RateClass k) => c.GetValueOrDefault(k);
        return new(N(RateClass.Complete), N(RateClass.Partial), N(RateClass.Refusal), N(RateClass.NonContact),
            N(RateClass.Other), N(RateClass.UnknownEligibility), N(RateClass.UnknownOther), N(RateClass.NotEligible));
    }

    /// <summary>Cases of known eligibility that are eligible: (I+P)+(R+NC+O).</summary>
    public int Eligible => I + P + R + NC + O;

    /// <summary>
    /// e, the share of cases of known eligibility that are eligible: Eligible / (Eligible + NE). The
    /// rates below do not use it (RR3/RR4 would); it is shown so readers can judge the unknowns.
    /// NaN when no case has known eligibility.
    /// </summary>
    public double E => Ratio(Eligible, Eligible + NE);

    internal static double Ratio(int numerator, int denominator) => denominator == 0 ? double.NaN : (double)numerator / denominator;
}

/// <summary>The five rates shown on the progress dashboard.</summary>
public sealed record Rates(double RR1, double RR2, double COOP1, double REF1, double CON1);

/// <summary>
/// AAPOR Standard Definitions (2023) outcome rates. Not-eligible cases are excluded everywhere; a rate
/// whose denominator is 0 is NaN (shown as "—"), never 0, because "no cases yet" is not "no response".
/// <code>
/// RR1   = I / ((I+P) + (R+NC+O) + (UH+UO))
/// RR2   = (I+P) / ((I+P) + (R+NC+O) + (UH+UO))
/// COOP1 = I / ((I+P) + R + O)
/// REF1  = R / ((I+P) + (R+NC+O) + (UH+UO))
/// CON1  = ((I+P) + R + O) / ((I+P) + (R+NC+O) + (UH+UO))
/// </code>
/// </summary>
public static class ResponseRates
{
    public const string RR1Formula = "I / ((I+P) + (R+NC+O) + (UH+UO))";
    public const string RR2Formula = "(I+P) / ((I+P) + (R+NC+O) + (UH+UO))";
    public const string COOP1Formula = "I / ((I+P) + R + O)";
    public const string REF1Formula = "R / ((I+P) + (R+NC+O) + (UH+UO))";
    public const string CON1Formula = "((I+P) + R + O) / ((I+P) + (R+NC+O) + (UH+UO))";

    public static Rates Compute(RateCounts c)
    {
        var all = c.I + c.P + c.R + c.NC + c.O + c.UH + c.UO;
        return new Rates(
            RR1: RateCounts.Ratio(c.I, all),
            RR2: RateCounts.Ratio(c.I + c.P, all),
            COOP1: RateCounts.Ratio(c.I, c.I + c.P + c.R + c.O),
            REF1: RateCounts.Ratio(c.R, all),
            CON1: RateCounts.Ratio(c.I + c.P + c.R + c.O, all));
    }
}
