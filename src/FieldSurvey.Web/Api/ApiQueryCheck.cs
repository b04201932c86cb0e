using System.Globalization;

namespace FieldSurvey.Web.Api;

/// <summary>
/// The query parameters of every list, checked before the endpoint runs: a bad value answers 400 with a
/// problem-details body whose <c>errors</c> names the parameter, instead of minimal APIs' empty 400 for a value
/// that does not bind (limit=abc) or a silent clamp (limit=5000). An R or Python script then reads what to fix.
/// </summary>
public static class ApiQueryCheck
{
    /// <summary>As a group filter, so it runs after authorization (401/403 first) and for every endpoint.</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = Check(context.HttpContext.Request.Query);
        // Minimal APIs run filters even when a parameter did not bind (the response is already 400): say which.
        if (errors.Count == 0 && context.HttpContext.Response.StatusCode == StatusCodes.Status400BadRequest)
            errors["query"] = ["A query parameter has a value of the wrong kind; see the OpenAPI document at /openapi/v1.json."];
        if (errors.Count == 0) return await next(context);
        context.HttpContext.Response.StatusCode = StatusCodes.Status200OK;   // the result below sets 400
        return TypedResults.ValidationProblem(errors, title: "Bad query parameter",
            detail: "Not valid: " + string.Join(", ", errors.Keys) + ".", instance: context.HttpContext.Request.Path);
    }

    public static Dictionary<string, string[]> Check(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? One(string name)
        {
            if (!query.TryGetValue(name, out var values)) return null;
            if (values.Count > 1) { errors[name] = [$"Give {name} once."]; return null; }
            return values[0];
        }
        if (One("limit") is { } limit && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l is >= 1 and <= ApiPaging.MaxLimit))
            errors["limit"] = [$"limit must be a whole number from 1 to {ApiPaging.MaxLimit}; got \"{limit}\"."];
        if (One("after") is { } after && !int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            errors["after"] = [$"after must be the next_after of the previous page (a record id, 0 or more); got \"{after}\"."];
        var from = Date("from", One("from"), errors);
        var to = Date("to", One("to"), errors);
        if (from is { } f && to is { } t && f > t) errors["to"] = [$"to ({t:yyyy-MM-dd}) is before from ({f:yyyy-MM-dd})."];
        if (One("updated_since") is { } since && !DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            errors["updated_since"] = [$"updated_since must be an ISO 8601 instant such as 2026-05-01T00:00:00Z; got \"{since}\"."];
        if (One("guide") is { } guide && !int.TryParse(guide, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            errors["guide"] = [$"guide must be a guide version number; got \"{guide}\"."];
        return errors;
    }

    static DateOnly? Date(string name, string? value, Dictionary<string, string[]> errors)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors[name] = [$"{name} must be a date as yyyy-MM-dd; got \"{value}\"."];
        return null;
    }
}
