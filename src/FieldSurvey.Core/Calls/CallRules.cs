namespace FieldSurvey.Core.Calls;

/// <summary>A rule a call attempt broke: the input field and a message code (English text, localised by the page).</summary>
public sealed record CallProblem(string Field, string Code);

/// <summary>What a logged call attempt must satisfy.</summary>
public static class CallRules
{
    public static IReadOnlyList<CallProblem> Check(string? outcome, DateTimeOffset? atUtc, DateTimeOffset? callbackAtUtc, DateTimeOffset nowUtc)
    {
        var problems = new List<CallProblem>();
        var disposition = Dispositions.Find(outcome);
        if (disposition is null || !disposition.Loggable)
            problems.Add(new("Outcome", "Choose the outcome of the call."));
        // A little slack for clocks: a call logged "now" may be a minute ahead of the server.
        if (atUtc is { } at && at > nowUtc.AddMinutes(5))
            problems.Add(new("At", "The call cannot be in the future."));
        if (callbackAtUtc is { } cb)
        {
            if (cb <= nowUtc)
                problems.Add(new("CallbackAt", "The callback must be in the future."));
            if (disposition is { AllowsCallback: false })
                problems.Add(new("CallbackAt", "A callback cannot be booked with this outcome: the case is closed."));
        }
        return problems;
    }
}
