using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Firms;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Exports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using System.Text.Json.Serialization;

namespace FieldSurvey.Web.Api;

/// <summary>The list filters every endpoint takes (those that do not apply to a list are ignored).</summary>
public sealed class ApiFilter
{
    /// <summary>Park code (ZLS, YZ, DX): only firms of that park and what hangs off them.</summary>
    [FromQuery(Name = "park")] public string? Park { get; set; }
    /// <summary>First date (interview date; for calls the UTC date of the call).</summary>
    [FromQuery(Name = "from")] public DateOnly? From { get; set; }
    /// <summary>Last date, inclusive.</summary>
    [FromQuery(Name = "to")] public DateOnly? To { get; set; }
    /// <summary>Only records changed (created or edited) at or after this instant, from the audit trail.</summary>
    [FromQuery(Name = "updated_since")] public DateTimeOffset? UpdatedSince { get; set; }
    /// <summary>Keyset cursor: the previous page's next_after.</summary>
    [FromQuery(Name = "after")] public int? After { get; set; }
    /// <summary>Rows per page, 1 to 1000 (default 100).</summary>
    [FromQuery(Name = "limit")] public int? Limit { get; set; }
}

public sealed record ContactRow(string Name, string? Title, IReadOnlyList<string> Phones, string? Email);
public sealed record FirmRow(int Id, string Code, string Park, string? Subsector, int? FoundedYear, string? SizeBand, string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NameZh = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NameEn = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ContactRow>? Contacts = null);
public sealed record CallRow(int Id, int FirmId, string FirmCode, string Interviewer, DateTimeOffset AtUtc, string Disposition, DateTimeOffset? CallbackAtUtc,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NumberDialled = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note = null);
public sealed record InterviewRow(int Id, int FirmId, string FirmCode, string Park, int GuideVersion, DateOnly InterviewDate, string Status, bool Consent,
    string Interviewer, IReadOnlyDictionary<string, string?> Answers,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RespondentName = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RespondentTitle = null);
public sealed record AnswerRow(int Id, int InterviewId, string QuestionId, string? Value, string? BlankReason);
public sealed record PartnerRowOut(int Id, int InterviewId, int FirmId, string FirmCode, string QuestionId, int Row, string PartnerName,
    string? LinkageType, string? PartnerKind, string? PartnerLocation, string? Scope, string? Nature, int? SinceYear, string? Activity);

/// <summary>
/// The read API's endpoints: the field data here (firms, calls, interviews, answers, partner lists; PI and
/// interviewers, as the pages), the coding and report data in <see cref="ApiAnalysisEndpoints"/>. Every query
/// starts from <see cref="ApiScope.Firms"/>; personal data (firm names, contacts, respondents, people's names,
/// numbers dialled, call notes) only for a token with that right, as in the data package.
/// </summary>
public static class ApiEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/firms", Firms).RequireAuthorization(ApiSetup.FieldTeam)
            .WithSummary("Firms of the sampling frame").WithDescription("Filters: park, updated_since; paging: limit, after.");
        api.MapGet("/calls", Calls).RequireAuthorization(ApiSetup.FieldTeam)
            .WithSummary("Call attempts with their AAPOR dispositions").WithDescription("Filters: park, from, to (UTC date of the call), updated_since.");
        api.MapGet("/interviews", Interviews).RequireAuthorization(ApiSetup.FieldTeam)
            .WithSummary("Interviews, answers wide (one field per question id)").WithDescription("Filters: park, from, to (interview date), updated_since (the interview or an answer).");
        api.MapGet("/answers", Answers).RequireAuthorization(ApiSetup.FieldTeam)
            .WithSummary("Answers long: one row per interview and question").WithDescription("Filters: park, from, to (interview date), updated_since.");
        api.MapGet("/partners", Partners).RequireAuthorization(ApiSetup.FieldTeam)
            .WithSummary("Partner-list rows with the linkage's scope").WithDescription("Filters: park, from, to (interview date), updated_since.");
        ApiAnalysisEndpoints.Map(api);
    }

    internal static IQueryable<Firm> ScopedFirms(FieldSurveyDbContext db, ApiCaller caller, ApiFilter f)
    {
        var firms = ApiScope.Firms(db, caller);
        return f.Park is { Length: > 0 } park ? firms.Where(x => x.Park!.Code == park) : firms;
    }

    internal static IQueryable<Interview> ScopedInterviews(FieldSurveyDbContext db, ApiCaller caller, ApiFilter f)
    {
        var firms = ScopedFirms(db, caller, f);
        var q = db.Interviews.AsNoTracking().Where(i => firms.Any(x => x.Id == i.FirmId));
        if (f.From is { } from) q = q.Where(i => i.InterviewDate >= from);
        if (f.To is { } to) q = q.Where(i => i.InterviewDate <= to);
        return q;
    }

    static async Task<ApiPage<FirmRow>> Firms([AsParameters] ApiFilter f, ClaimsPrincipal user, FieldSurveyDbContext db, CancellationToken ct)
    {
        var caller = ApiCaller.Of(user);
        var limit = ApiPaging.Limit(f.Limit);
        var q = ScopedFirms(db, caller, f);
        if (f.UpdatedSince is { } since)
        {
            var changed = ApiScope.ChangedSince(db, nameof(Firm), since);
            q = q.Where(x => changed.Contains(x.Id.ToString()));
        }
        if (f.After is { } after) q = q.Where(x => x.Id > after);
        var rows = await q.OrderBy(x => x.Id).Take(limit + 1)
            .Select(x => new { x.Id, Park = x.Park!.Code, x.Subsector, x.FoundedYear, x.SizeBand, x.Status, x.NameZh, x.NameEn }).ToListAsync(ct);
        var contacts = caller.PersonalData
            ? (await db.Contacts.AsNoTracking().Where(c => rows.Select(r => r.Id).Contains(c.FirmId)).OrderBy(c => c.Id).ToListAsync(ct)).ToLookup(c => c.FirmId)
            : null;
        var items = rows.Select(x => new FirmRow(x.Id, Pseudonyms.Firm(x.Id), x.Park, x.Subsector, x.FoundedYear, x.SizeBand, x.Status.ToString(),
            caller.PersonalData ? x.NameZh : null, caller.PersonalData ? x.NameEn : null,
            contacts?[x.Id].Select(c => new ContactRow(c.Name, c.Title, c.Phones, c.Email)).ToList())).ToList();
        return ApiPaging.Page(items, limit, r => r.Id);
    }

    static async Task<ApiPage<CallRow>> Calls([AsParameters] ApiFilter f, ClaimsPrincipal user, FieldSurveyDbContext db, CancellationToken ct)
    {
        var caller = ApiCaller.Of(user);
        var limit = ApiPaging.Limit(f.Limit);
        var firms = ScopedFirms(db, caller, f);
        var q = db.CallAttempts.AsNoTracking().Where(c => firms.Any(x => x.Id == c.FirmId));
        if (f.From is { } from) q = q.Where(c => c.AtUtc >= new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        if (f.To is { } to) q = q.Where(c => c.AtUtc < new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        if (f.UpdatedSince is { } since)
        {
            var changed = ApiScope.ChangedSince(db, nameof(CallAttempt), since);
            q = q.Where(c => changed.Contains(c.Id.ToString()));
        }
        if (f.After is { } after) q = q.Where(c => c.Id > after);
        var rows = await q.OrderBy(c => c.Id).Take(limit + 1).ToListAsync(ct);
        var names = await Pseudonyms.LoadAsync(db);
        var items = rows.Select(c => new CallRow(c.Id, c.FirmId, Pseudonyms.Firm(c.FirmId), ApiScope.Person(names, caller, c.InterviewerId, 'I'),
            c.AtUtc, c.Disposition, c.CallbackAtUtc, caller.PersonalData ? c.NumberDialled : null, caller.PersonalData ? c.Note : null)).ToList();
        return ApiPaging.Page(items, limit, r => r.Id);
    }

    static IQueryable<Interview> Changed(FieldSurveyDbContext db, IQueryable<Interview> q, DateTimeOffset? since)
    {
        if (since is not { } s) return q;
        var interviews = ApiScope.ChangedSince(db, nameof(Interview), s);
        var answers = ApiScope.ChangedSince(db, nameof(Answer), s);
        var rows = ApiScope.ChangedSince(db, nameof(PartnerRow), s);
        return q.Where(i => interviews.Contains(i.Id.ToString())
            || db.Answers.Any(a => a.InterviewId == i.Id && answers.Contains(a.Id.ToString()))
            || db.PartnerRows.Any(r => r.InterviewId == i.Id && rows.Contains(r.Id.ToString())));
    }

    static async Task<ApiPage<InterviewRow>> Interviews([AsParameters] ApiFilter f, ClaimsPrincipal user, FieldSurveyDbContext db, CancellationToken ct)
    {
        var caller = ApiCaller.Of(user);
        var limit = ApiPaging.Limit(f.Limit);
        var q = Changed(db, ScopedInterviews(db, caller, f), f.UpdatedSince);
        if (f.After is { } after) q = q.Where(i => i.Id > after);
        var rows = await q.OrderBy(i => i.Id).Take(limit + 1).Include(i => i.Answers)
            .Join(db.Firms, i => i.FirmId, x => x.Id, (i, x) => new { I = i, Park = x.Park!.Code })
            .Join(db.GuideVersions, r => r.I.GuideVersionId, g => g.Id, (r, g) => new { r.I, r.Park, Guide = g.Number }).ToListAsync(ct);
        var names = await Pseudonyms.LoadAsync(db);
        var items = rows.Select(r => new InterviewRow(r.I.Id, r.I.FirmId, Pseudonyms.Firm(r.I.FirmId), r.Park, r.Guide, r.I.InterviewDate,
            r.I.Status.ToString(), r.I.ConsentGiven, ApiScope.Person(names, caller, r.I.InterviewerId, 'I'),
            r.I.Answers.OrderBy(a => a.QuestionId, StringComparer.Ordinal).GroupBy(a => a.QuestionId).ToDictionary(g => g.Key, g => g.First().Value),
            caller.PersonalData ? r.I.RespondentName : null, caller.PersonalData ? r.I.RespondentTitle : null)).ToList();
        return ApiPaging.Page(items, limit, r => r.Id);
    }

    static async Task<ApiPage<AnswerRow>> Answers([AsParameters] ApiFilter f, ClaimsPrincipal user, FieldSurveyDbContext db, CancellationToken ct)
    {
        var caller = ApiCaller.Of(user);
        var limit = ApiPaging.Limit(f.Limit);
        var interviews = ScopedInterviews(db, caller, f);
        var q = db.Answers.AsNoTracking().Where(a => interviews.Any(i => i.Id == a.InterviewId));
        if (f.UpdatedSince is { } since)
        {
            var changed = ApiScope.ChangedSince(db, nameof(Answer), since);
            q = q.Where(a => changed.Contains(a.Id.ToString()));
        }
        if (f.After is { } after) q = q.Where(a => a.Id > after);
        var rows = await q.OrderBy(a => a.Id).Take(limit + 1).ToListAsync(ct);
        return ApiPaging.Page(rows.Select(a => new AnswerRow(a.Id, a.InterviewId, a.QuestionId, a.Value, a.BlankReason?.ToString())).ToList(), limit, r => r.Id);
    }

    static async Task<ApiPage<PartnerRowOut>> Partners([AsParameters] ApiFilter f, ClaimsPrincipal user, FieldSurveyDbContext db, CancellationToken ct)
    {
        var caller = ApiCaller.Of(user);
        var limit = ApiPaging.Limit(f.Limit);
        var interviews = ScopedInterviews(db, caller, f);
        var q = db.PartnerRows.AsNoTracking().Where(r => interviews.Any(i => i.Id == r.InterviewId));
        if (f.UpdatedSince is { } since)
        {
            var changed = ApiScope.ChangedSince(db, nameof(PartnerRow), since);
            q = q.Where(r => changed.Contains(r.Id.ToString()));
        }
        if (f.After is { } after) q = q.Where(r => r.Id > after);
        var rows = await (from r in q.OrderBy(r => r.Id).Take(limit + 1)
                          join i in db.Interviews on r.InterviewId equals i.Id
                          join x in db.Firms on i.FirmId equals x.Id
                          orderby r.Id
                          select new PartnerLinkage.Source(i.Id, x.Id, x.ParkId, r)).ToListAsync(ct);
        var terms = await db.Terms.AsNoTracking().ToDictionaryAsync(t => t.Id, ct);
        // The same Core rule as the data package and the report: a row's scope seen from the focal firm's park.
        var items = PartnerLinkage.Build(rows, terms).Zip(rows).Select(p => new PartnerRowOut(p.Second.Row.Id, p.First.InterviewId, p.First.FirmId,
            Pseudonyms.Firm(p.First.FirmId), p.Second.Row.QuestionId, p.Second.Row.RowNumber, p.First.PartnerName, p.First.LinkageTypeCode,
            p.First.PartnerKindCode, p.First.PartnerLocationCode, p.First.Scope?.ToString(), p.First.NatureCode, p.Second.Row.SinceYear, p.Second.Row.Activity)).ToList();
        return ApiPaging.Page(items, limit, r => r.Id);
    }
}
