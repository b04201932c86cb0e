using System.Security.Claims;
using FieldSurvey.Core.Firms;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Exports;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Api;

/// <summary>Who is calling, as the endpoints need it.</summary>
public sealed record ApiCaller(string UserId, bool PersonalData)
{
    public static ApiCaller Of(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier)!, user.HasClaim(ApiTokenAuthentication.PersonalDataClaim, "true"));
}

/// <summary>
/// The one filter every API query goes through: the firms a caller may read. Every other table is reached
/// through these firms (calls, interviews, transcripts, segments), so a park scope added here (issue 24)
/// applies to every endpoint at once.
/// </summary>
public static class ApiScope
{
    public static IQueryable<Firm> Firms(FieldSurveyDbContext db, ApiCaller caller) => db.Firms.AsNoTracking();

    /// <summary>Ids (as the audit trail writes them) of records of <paramref name="entity"/> changed at or after <paramref name="since"/>.</summary>
    public static IQueryable<string> ChangedSince(FieldSurveyDbContext db, string entity, DateTimeOffset since) =>
        db.AuditEntries.Where(a => a.Entity == entity && a.AtUtc >= since).Select(a => a.EntityId);

    /// <summary>People as in the data package: a stable pseudonym (I03, C04), the real name only with personal data.</summary>
    public static string Person(Pseudonyms names, ApiCaller caller, string? id, char prefix) =>
        caller.PersonalData ? names.RealName(id) : names.Of(id, prefix);
}

/// <summary>
/// One page of a list. Lists are ordered by id and paged by keyset: pass <c>after</c> = the page's
/// <c>next_after</c> to get the next page; <c>next_after</c> is null on the last page. Ids are record numbers:
/// stable, never reused.
/// </summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Limit, int? NextAfter);

public static class ApiPaging
{
    public const int DefaultLimit = 100, MaxLimit = 1000;

    public static int Limit(int? limit) => Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);

    public static ApiPage<T> Page<T>(IReadOnlyList<T> fetched, int limit, Func<T, int> id) =>
        fetched.Count > limit ? new ApiPage<T>(fetched.Take(limit).ToList(), limit, id(fetched[limit - 1])) : new ApiPage<T>(fetched, limit, null);
}
