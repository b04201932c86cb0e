namespace FieldSurvey.Core.Calls;

public enum ProductivityPeriod { Day, Week }

/// <summary>One logged call attempt, as the productivity report reads it.</summary>
public sealed record WorkedCall(string InterviewerId, DateTimeOffset AtUtc, string Disposition);

/// <summary>One interview, from its start (creation) to its submission; unsubmitted interviews have no length.</summary>
public sealed record WorkedInterview(string InterviewerId, DateTimeOffset StartedUtc, DateTimeOffset? SubmittedUtc);

/// <summary>An interviewer's figures for one day or week (its first day, in the study's zone).</summary>
public sealed record ProductivityRow(string InterviewerId, DateOnly Period, int Attempts, int Contacts, int Completes, int Refusals,
    double? CompletionRate, double? AttemptsPerComplete, TimeSpan? MedianInterviewLength, double HoursWorked, double? CallsPerHour);

/// <summary>
/// Interviewer productivity (issue 24). Conventions, stated once here and printed on the page:
/// a <b>contact</b> is an attempt that reached the firm and a person who could answer: complete, partial, refusal
/// or break-off, other eligible non-interview, or "reached, unknown if eligible respondent" (AAPOR 1.x, 2.1x, 2.30,
/// 3.2x); a <b>complete</b> is 1.1; a <b>refusal</b> is any 2.1x. Completion rate = completes ÷ contacts;
/// attempts per complete = attempts ÷ completes (undefined, null, without completes).
/// <b>Hours worked</b> come from the attempt times: attempts less than <see cref="SessionGap"/> apart form one
/// session, lasting from its first attempt to its last plus <see cref="LastCall"/> for the last call itself;
/// calls per hour = attempts ÷ hours worked. Days and weeks (Monday to Sunday) are those of the study's zone
/// (Beijing), so an evening call in Toronto counts on the Beijing day it reached the firm.
/// Interview length = submission − start, the median over the interviews started in the period.
/// </summary>
public static class Productivity
{
    public static readonly TimeSpan SessionGap = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan LastCall = TimeSpan.FromMinutes(5);

    public static bool IsContact(Disposition d) =>
        d.Class is RateClass.Complete or RateClass.Partial or RateClass.Refusal or RateClass.Other or RateClass.UnknownRespondent;

    public static IReadOnlyList<ProductivityRow> Compute(IEnumerable<WorkedCall> calls, IEnumerable<WorkedInterview> interviews,
        TimeZoneInfo zone, ProductivityPeriod period)
    {
        DateOnly Key(DateTimeOffset utc)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utc, zone).DateTime);
            return period == ProductivityPeriod.Day ? day : day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        }
        var lengths = interviews.Where(i => i.SubmittedUtc is not null)
            .GroupBy(i => (i.InterviewerId, Key(i.StartedUtc)))
            .ToDictionary(g => g.Key, g => g.Select(i => i.SubmittedUtc!.Value - i.StartedUtc).ToList());
        return calls.GroupBy(c => (c.InterviewerId, Key(c.AtUtc))).Select(g =>
        {
            var ds = g.Select(c => Dispositions.Find(c.Disposition)).Where(d => d is not null).Select(d => d!).ToList();
            int attempts = g.Count(), contacts = ds.Count(IsContact), completes = ds.Count(d => d.Code == "1.1"),
                refusals = ds.Count(d => d.Class == RateClass.Refusal);
            var hours = HoursWorked(g.Select(c => c.AtUtc));
            return new ProductivityRow(g.Key.InterviewerId, g.Key.Item2, attempts, contacts, completes, refusals,
                contacts == 0 ? null : (double)completes / contacts, completes == 0 ? null : (double)attempts / completes,
                Median(lengths.GetValueOrDefault(g.Key)), hours, hours == 0 ? null : attempts / hours);
        }).OrderBy(r => r.Period).ThenBy(r => r.InterviewerId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Sessions of attempts less than <see cref="SessionGap"/> apart, each from first to last attempt plus <see cref="LastCall"/>.</summary>
    public static double HoursWorked(IEnumerable<DateTimeOffset> attempts)
    {
        var times = attempts.Order().ToList();
        if (times.Count == 0) return 0;
        var total = TimeSpan.Zero;
        var start = times[0];
        for (var i = 1; i <= times.Count; i++)
        {
            if (i < times.Count && times[i] - times[i - 1] < SessionGap) continue;
            total += times[i - 1] - start + LastCall;
            if (i < times.Count) start = times[i];
        }
        return total.TotalHours;
    }

    static TimeSpan? Median(List<TimeSpan>? values)
    {
        if (values is null || values.Count == 0) return null;
        var v = values.Order().ToList();
        return v.Count % 2 == 1 ? v[v.Count / 2] : (v[v.Count / 2 - 1] + v[v.Count / 2]) / 2;
    }
}
