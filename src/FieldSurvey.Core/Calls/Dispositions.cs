namespace FieldSurvey.Core.Calls;

/// <summary>Where a disposition counts in the AAPOR response-rate formulas.</summary>
public enum RateClass
{
    /// <summary>I: complete interview.</summary>
    Complete,
    /// <summary>P: partial interview.</summary>
    Partial,
    /// <summary>R: refusal and break-off.</summary>
    Refusal,
    /// <summary>NC: eligible, non-contact.</summary>
    NonContact,
    /// <summary>O: eligible, other non-interview.</summary>
    Other,
    /// <summary>UH: unknown whether the number reaches an eligible firm (AAPOR's "unknown if household").</summary>
    UnknownEligibility,
    /// <summary>
    /// UO: unknown eligibility, other (3.90). Until the 9th edition AAPOR's UO also held 3.20; the 10th
    /// edition (2023) gives 3.20 its own symbol, UR (<see cref="UnknownRespondent"/>).
    /// </summary>
    UnknownOther,
    /// <summary>Not eligible: left out of every rate.</summary>
    NotEligible,
    /// <summary>
    /// UR (AAPOR Standard Definitions, 10th edition, 2023): the firm was reached but it is unknown whether it has
    /// an eligible respondent (3.20). Appended last so stored or serialised enum values keep their meaning.
    /// </summary>
    UnknownRespondent,
}

/// <summary>One AAPOR final disposition code for telephone surveys, adapted to a survey of firms.</summary>
/// <param name="Code">AAPOR's code, e.g. "2.111".</param>
/// <param name="NameEn">English label.</param>
/// <param name="NameZh">Chinese label.</param>
/// <param name="Class">Where it counts in the response rates.</param>
/// <param name="Final">The case is closed: it leaves the call list (interviews, refusals, break-offs, not eligible).</param>
/// <param name="Loggable">Can be the outcome of a call attempt (3.11 "not attempted" cannot: it is the state of a firm never called).</param>
/// <param name="Group">A heading code (2.10, 2.20, 3.10, 4.30...) rather than the most specific code.</param>
public sealed record Disposition(string Code, string NameEn, string NameZh, RateClass Class, bool Final, bool Loggable = true, bool Group = false)
{
    public string Name(bool chinese) => chinese ? NameZh : NameEn;
    public bool IsInterview => Class is RateClass.Complete or RateClass.Partial;
    /// <summary>A callback appointment makes sense only for a case that is still open (or an interview to be finished).</summary>
    public bool AllowsCallback => !Final || Class == RateClass.Partial;
}

/// <summary>
/// The catalog of AAPOR Standard Definitions (10th edition, 2023), the telephone table, with the wording
/// adapted to firms: a "household" is a firm, a "respondent" the manager we need to speak to.
/// Codes are strings because AAPOR's are hierarchical labels ("2.111" is under "2.11"), not numbers.
/// Where a survey of firms differs from the household table (AAPOR's section on establishment surveys):
/// the refusal can come from the firm (a gatekeeper or company policy, 2.111) or from the named respondent
/// (2.112); "not a household" becomes "not an eligible organisation" (4.50, here: not a biomedical firm);
/// 3.20 is "firm reached, unknown whether it has an eligible respondent", counted as UR (10th edition).
/// </summary>
public static class Dispositions
{
    public const string NotAttempted = "3.11";

    public static readonly IReadOnlyList<Disposition> All =
    [
        new("1.1", "Complete interview", "完成访谈", RateClass.Complete, true),
        new("1.2", "Partial interview", "部分完成访谈", RateClass.Partial, true),
        new("2.10", "Refusal and break-off", "拒访和中断", RateClass.Refusal, true, Group: true),
        new("2.11", "Refusal", "拒访", RateClass.Refusal, true),
        new("2.111", "Refusal by the firm (gatekeeper, company policy)", "企业拒访（前台、公司规定）", RateClass.Refusal, true),
        new("2.112", "Refusal by the named respondent", "受访者本人拒访", RateClass.Refusal, true),
        new("2.12", "Break-off (interview started, not finished)", "访谈中断", RateClass.Refusal, true),
        new("2.20", "Non-contact", "未接触到受访者", RateClass.NonContact, false, Group: true),
        new("2.21", "Respondent never available", "受访者一直不在", RateClass.NonContact, false),
        new("2.22", "Answering machine, message left", "语音信箱，已留言", RateClass.NonContact, false),
        new("2.30", "Other (eligible, no interview)", "其他（合格，未访谈）", RateClass.Other, false),
        new("3.10", "Unknown if eligible firm", "未知是否合格企业", RateClass.UnknownEligibility, false, Group: true),
        new(NotAttempted, "Not attempted", "未拨打", RateClass.UnknownEligibility, false, Loggable: false),
        new("3.12", "Always busy", "一直占线", RateClass.UnknownEligibility, false),
        new("3.13", "No answer", "无人接听", RateClass.UnknownEligibility, false),
        new("3.14", "Answering machine, don't know if eligible", "语音信箱，未知是否合格", RateClass.UnknownEligibility, false),
        new("3.15", "Call blocking", "来电被拦截", RateClass.UnknownEligibility, false),
        new("3.16", "Technical problems on the line", "线路技术问题", RateClass.UnknownEligibility, false),
        new("3.20", "Firm reached, unknown if eligible respondent", "已接通企业，未知是否有合格受访者", RateClass.UnknownRespondent, false, Group: true),
        new("3.21", "No screener completed", "未完成筛选", RateClass.UnknownRespondent, false),
        new("3.90", "Other, unknown if eligible", "其他（未知是否合格）", RateClass.UnknownOther, false),
        new("4.10", "Out of sample", "样本外", RateClass.NotEligible, true),
        new("4.20", "Fax or data line", "传真或数据线路", RateClass.NotEligible, true),
        new("4.30", "Non-working or disconnected number", "空号或停机", RateClass.NotEligible, true, Group: true),
        new("4.31", "Non-working number", "空号", RateClass.NotEligible, true),
        new("4.32", "Disconnected number", "已停机", RateClass.NotEligible, true),
        new("4.50", "Not a biomedical firm (non-eligible organisation)", "非生物医药企业（不合格机构）", RateClass.NotEligible, true),
        new("4.70", "No eligible respondent", "无合格受访者", RateClass.NotEligible, true),
        new("4.80", "Quota filled", "配额已满", RateClass.NotEligible, true),
    ];

    static readonly Dictionary<string, Disposition> ByCode = All.ToDictionary(d => d.Code, StringComparer.Ordinal);

    public static Disposition? Find(string? code) => code is not null && ByCode.TryGetValue(code.Trim(), out var d) ? d : null;

    public static Disposition Get(string code) => Find(code) ?? throw new ArgumentException($"Unknown disposition code {code}.", nameof(code));

    /// <summary>The codes an interviewer can pick for a call attempt.</summary>
    public static IEnumerable<Disposition> Loggable => All.Where(d => d.Loggable);
}
