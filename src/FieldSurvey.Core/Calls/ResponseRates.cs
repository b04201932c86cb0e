namespace FieldSurvey.Core.Calls;

/// <summary>
/// Case counts by AAPOR class. One case = one firm, counted once at its final disposition.
/// UH = unknown whether the number reaches an eligible firm (3.10); UR = firm reached, unknown whether it has
/// an eligible respondent (3.20; a class of its own since the 10th edition, 2023, which the 9th counted under
/// UO); UO = unknown eligibility, other (3.90); NE = not eligible (excluded from every rate below).
/// UR is the last, optional parameter so that code written before it keeps compiling.
/// </summary>
public sealed record RateCounts(int I, int P, int R, int NC, int O, int UH, int UO, int NE, int UR = 0)
{
    public static RateCounts From(IEnumerable<Disposition> finalDispositions)
    {
        var c = finalDispositions.GroupBy(d => d.Class).ToDictionary(g => g.Key, g => g.Count());
        int N(RateClass k) => c.GetValueOrDefault(k);
        return new(N(RateClass.Complete), N(RateClass.Partial), N(RateClass.Refusal), N(RateClass.NonContact),
            N(RateClass.Other), N(RateClass.UnknownEligibility), N(RateClass.UnknownOther), N(RateClass.NotEligible),
            N(RateClass.UnknownRespondent));
    }

    /// <summary>Cases of known eligibility that are eligible: (I+P)+(R+NC+O).</summary>
    public int Eligible => I + P + R + NC + O;

    /// <summary>Cases of unknown eligibility: UH+UR+UO.</summary>
    public int Unknown => UH + UR + UO;

    /// <summary>
    /// e by the proportional default (the CASRO convention, also the default of AAPOR's outcome rate
    /// calculator): the eligible share of the cases whose eligibility was resolved,
    /// Eligible / (Eligible + NE). It assumes the unknowns are eligible as often as the resolved cases,
    /// which overstates e when ineligible numbers are the ones that never answer. NaN when no case is resolved.
    /// </summary>
    public double E => Ratio(Eligible, Eligible + NE);

    internal static double Ratio(double numerator, double denominator) => denominator == 0 ? double.NaN : numerator / denominator;
}

/// <summary>The five rates of the first dashboard (kept for its callers; <see cref="AaporRates"/> has the whole set).</summary>
public sealed record Rates(double RR1, double RR2, double COOP1, double REF1, double CON1);

/// <summary>AAPOR's whole set: response, cooperation, refusal and contact rates.</summary>
public sealed record AaporRates(
    double RR1, double RR2, double RR3, double RR4, double RR5, double RR6,
    double COOP1, double COOP2, double COOP3, double COOP4,
    double REF1, double REF2, double REF3,
    double CON1, double CON2, double CON3);

/// <summary>Where e came from.</summary>
public enum EligibilityBasis
{
    /// <summary>Estimated from the study's own cases by the proportional default (<see cref="RateCounts.E"/>).</summary>
    Proportional,
    /// <summary>Set by the PI (study settings), e.g. from the frame's source or a screening sub-sample.</summary>
    SetByPI,
}

/// <summary>e, the estimated share of the unknown-eligibility cases that are eligible, with its basis.</summary>
public sealed record EligibilityEstimate(double Value, EligibilityBasis Basis)
{
    /// <summary>The PI's value when set, else the proportional estimate from these counts.</summary>
    public static EligibilityEstimate For(RateCounts counts, double? setByPI) =>
        setByPI is { } e ? new(e, EligibilityBasis.SetByPI) : new(counts.E, EligibilityBasis.Proportional);

    /// <summary>The message code of a PI's e that cannot be used, or null when it is fine (blank = use the default).</summary>
    public static string? Check(double? setByPI) =>
        setByPI is { } e && (double.IsNaN(e) || e < 0 || e > 1) ? "e must be between 0 and 1." : null;
}

/// <summary>One rate: its AAPOR name, its formula as printed beside it, and how to read it from the set.</summary>
public sealed record RateDefinition(string Name, string Formula, Func<AaporRates, double> Get);

/// <summary>
/// AAPOR Standard Definitions (10th edition, 2023) outcome rates. Not-eligible cases are excluded everywhere;
/// a rate whose denominator is 0 is NaN (shown as "—"), never 0, because "no cases yet" is not "no response".
/// The unknowns enter as e(UH+UR+UO), one e for all three classes; with no unknowns e is not needed
/// (and a NaN e does not spoil the rate), with unknowns and an undefined e the e-rates are NaN.
/// </summary>
public static class ResponseRates
{
    public const string RR1Formula = "I / ((I+P) + (R+NC+O) + (UH+UR+UO))";
    public const string RR2Formula = "(I+P) / ((I+P) + (R+NC+O) + (UH+UR+UO))";
    public const string RR3Formula = "I / ((I+P) + (R+NC+O) + e(UH+UR+UO))";
    public const string RR4Formula = "(I+P) / ((I+P) + (R+NC+O) + e(UH+UR+UO))";
    public const string RR5Formula = "I / ((I+P) + (R+NC+O))";
    public const string RR6Formula = "(I+P) / ((I+P) + (R+NC+O))";
    public const string COOP1Formula = "I / ((I+P) + R + O)";
    public const string COOP2Formula = "(I+P) / ((I+P) + R + O)";
    public const string COOP3Formula = "I / ((I+P) + R)";
    public const string COOP4Formula = "(I+P) / ((I+P) + R)";
    public const string REF1Formula = "R / ((I+P) + (R+NC+O) + (UH+UR+UO))";
    public const string REF2Formula = "R / ((I+P) + (R+NC+O) + e(UH+UR+UO))";
    public const string REF3Formula = "R / ((I+P) + (R+NC+O))";
    public const string CON1Formula = "((I+P) + R + O) / ((I+P) + (R+NC+O) + (UH+UR+UO))";
    public const string CON2Formula = "((I+P) + R + O) / ((I+P) + (R+NC+O) + e(UH+UR+UO))";
    public const string CON3Formula = "((I+P) + R + O) / ((I+P) + (R+NC+O))";

    /// <summary>The whole set in AAPOR's order, for pages and exports.</summary>
    public static readonly IReadOnlyList<RateDefinition> Definitions =
    [
        new("RR1", RR1Formula, r => r.RR1), new("RR2", RR2Formula, r => r.RR2), new("RR3", RR3Formula, r => r.RR3),
        new("RR4", RR4Formula, r => r.RR4), new("RR5", RR5Formula, r => r.RR5), new("RR6", RR6Formula, r => r.RR6),
        new("COOP1", COOP1Formula, r => r.COOP1), new("COOP2", COOP2Formula, r => r.COOP2),
        new("COOP3", COOP3Formula, r => r.COOP3), new("COOP4", COOP4Formula, r => r.COOP4),
        new("REF1", REF1Formula, r => r.REF1), new("REF2", REF2Formula, r => r.REF2), new("REF3", REF3Formula, r => r.REF3),
        new("CON1", CON1Formula, r => r.CON1), new("CON2", CON2Formula, r => r.CON2), new("CON3", CON3Formula, r => r.CON3),
    ];

    public static Rates Compute(RateCounts c)
    {
        var all = ComputeAll(c, double.NaN);
        return new Rates(all.RR1, all.RR2, all.COOP1, all.REF1, all.CON1);
    }

    public static AaporRates ComputeAll(RateCounts c, double e)
    {
        double interviews = c.I + c.P;
        double known = interviews + c.R + c.NC + c.O;
        double all = known + c.Unknown;
        var withE = known + (c.Unknown == 0 ? 0 : e * c.Unknown);
        double contacted = interviews + c.R + c.O;
        double R(double numerator, double denominator) => RateCounts.Ratio(numerator, denominator);
        return new AaporRates(
            RR1: R(c.I, all), RR2: R(interviews, all), RR3: R(c.I, withE), RR4: R(interviews, withE),
            RR5: R(c.I, known), RR6: R(interviews, known),
            COOP1: R(c.I, contacted), COOP2: R(interviews, contacted),
            COOP3: R(c.I, interviews + c.R), COOP4: R(interviews, interviews + c.R),
            REF1: R(c.R, all), REF2: R(c.R, withE), REF3: R(c.R, known),
            CON1: R(contacted, all), CON2: R(contacted, withE), CON3: R(contacted, known));
    }
}
