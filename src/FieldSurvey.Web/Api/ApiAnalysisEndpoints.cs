using System.Security.Claims;
using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Exports;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Exports;
using FieldSurvey.Web.Pages.Agreement;
using FieldSurvey.Web.Pages.Reports;
using FieldSurvey.Web.Reporting;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Api;

public sealed record TranscriptRow(int Id, int InterviewId, int FirmId, string FirmCode, int Revision, string? Language, DateTimeOffset UpdatedAtUtc, string Text);
public sealed record RevisionRow(int Id, int TranscriptId, int Revision, DateTimeOffset SavedAtUtc, string SavedBy, string Text);
public sealed record SegmentRow(int Id, int TranscriptId, int InterviewId, string FirmCode, string Coder, bool IsConsensus, int Start, int End, string Quote,
    string? LinkageType, string? PartnerLocation, string? PartnerKind, string? Nature, string? PartnerName, string? Memo, string Anchor, DateTimeOffset UpdatedAtUtc);
public sealed record CodeRow(string Kind, string Code, string NameEn, string NameZh, string? DefinitionEn, string? DefinitionZh, bool Active);
public sealed record ApiTable(string Name, string Title, IReadOnlyList<string> Columns, IEnumerable<IEnumerable<object?>> Rows);

/// <summary>The report's filters as the report page takes them (every one optional).</summary>
public sealed class ReportQuery
{
    [FromQuery(Name = "park")] public string? Park { get; set; }
    [FromQuery(Name = "from")] public DateOnly? From { get; set; }
    [FromQuery(Name = "to")] public DateOnly? To { get; set; }
    [FromQuery(Name = "guide")] public int? Guide { get; set; }
    /// <summary>Both (default), Coded or PartnerList.</summary>
    [FromQuery(Name = "source")] public SourceFilter? Source { get; set; }
    /// <summary>Approved (default) or NotDraft.</summary>
    [FromQuery(Name = "interviews")] public InterviewFilter? Interviews { get; set; }
}

/// <summary>
/// Transcripts, coded segments, codebook, agreement and report tables. Transcripts, segments and the figures are
/// for PIs only: a coder's token must not show the other coder's segments of a blinded transcript (security.md #2).
/// Agreement and report tables come from the same Core functions and loader as their pages.
/// </summary>
public static class ApiAnalysisEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/transcripts", Transcripts).RequireAuthorization(ApiSetup.PI)
            .WithSummary("Transcripts, current revision").WithDescription("Filters: park, from, to (interview date), updated_since.");
        api.MapGet("/transcripts/{id:int}/revisions", Revisions).RequireAuthorization(ApiSetup.PI)
            .WithSummary("Earlier revisions of a transcript");
        api.MapGet("/segments", Segments).RequireAuthorization(ApiSetup.PI)
            .WithSummary("Coded segments with their codes (consensus segments marked)").WithDescription("Filters: park, from, to (interview date), updated_since.");
        api.MapGet("/codebook", Codebook).RequireAuthorization(ApiSetup.Anyone)
            .WithSummary("Every code of the study's vocabularies, English and Chinese");
        api.MapGet("/agreement", Agreement).RequireAuthorization(ApiSetup.PI)
            .WithSummary("Agreement tables as on the agreement page (finished double coding, default matching, codes given the passages both found)");
        api.MapGet("/report", Report).RequireAuthorization(ApiSetup.PI)
            .WithSummary("The report's tables, the same figures as the report page").WithDescription("Filters: park, from, to, guide, source, interviews, as on the report page.");
    }

    static async Task<ApiPage<TranscriptRow>> Transcripts([AsParameters] ApiFilter f, ClaimsPrincipal user, FieldSurveyDbContext db, CancellationToken ct)
    {
        var limit = ApiPaging.Limit(f.Limit);
        var interviews = ApiEndpoints.ScopedInterviews(db, ApiCaller.Of(user), f);
        var q = db.Transcripts.AsNoTracking().Where(t => interviews.Any(i => i.Id == t.InterviewId));
        if (f.UpdatedSince is { } since) q = q.Where(t => t.UpdatedAtUtc >= since);
        if (f.After is { } after) q = q.Where(t => t.Id > after);
        var rows = await q.OrderBy(t => t.Id).Take(limit + 1)
            .Join(db.Interviews, t => t.InterviewId, i => i.Id, (t, i) => new { T = t, i.FirmId }).ToListAsync(ct);
        return ApiPaging.Page(rows.Select(r => new TranscriptRow(r.T.Id, r.T.InterviewId, r.FirmId, Pseudonyms.Firm(r.FirmId), r.T.Revision, r.T.Language,
            r.T.UpdatedAtUtc, r.T.Text)).ToList(), limit, r => r.Id);
    }

    static async Task<IResult> Revisions(int id, ClaimsPrincipal user, FieldSurveyDbContext db, CancellationToken ct)
    {
        var caller = ApiCaller.Of(user);
        var interviews = ApiEndpoints.ScopedInterviews(db, caller, new ApiFilter());
        if (!await db.Transcripts.AnyAsync(t => t.Id == id && interviews.Any(i => i.Id == t.InterviewId), ct))
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No transcript {id}.");
        var names = await Pseudonyms.LoadAsync(db);
        var rows = await db.TranscriptRevisions.AsNoTracking().Where(r => r.TranscriptId == id).OrderBy(r => r.Revision).ToListAsync(ct);
        return Results.Ok(rows.Select(r => new RevisionRow(r.Id, r.TranscriptId, r.Revision, r.SavedAtUtc, ApiScope.Person(names, caller, r.SavedById, 'U'), r.Text)).ToList());
    }

    static async Task<ApiPage<SegmentRow>> Segments([AsParameters] ApiFilter f, ClaimsPrincipal user, FieldSurveyDbContext db, CancellationToken ct)
    {
        var caller = ApiCaller.Of(user);
        var limit = ApiPaging.Limit(f.Limit);
        var interviews = ApiEndpoints.ScopedInterviews(db, caller, f);
        var q = from s in db.Segments.AsNoTracking().Where(s => s.DeletedAtUtc == null)
                join t in db.Transcripts on s.TranscriptId equals t.Id
                where interviews.Any(i => i.Id == t.InterviewId)
                select new { S = s, t.InterviewId };
        if (f.UpdatedSince is { } since) q = q.Where(x => x.S.UpdatedAtUtc >= since);
        if (f.After is { } after) q = q.Where(x => x.S.Id > after);
        var rows = await q.OrderBy(x => x.S.Id).Take(limit + 1)
            .Join(db.Interviews, x => x.InterviewId, i => i.Id, (x, i) => new { x.S, x.InterviewId, i.FirmId }).ToListAsync(ct);
        var names = await Pseudonyms.LoadAsync(db);
        var codes = await db.Terms.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Code, ct);
        string? Code(int? termId) => termId is { } i ? codes.GetValueOrDefault(i) : null;
        return ApiPaging.Page(rows.Select(r => new SegmentRow(r.S.Id, r.S.TranscriptId, r.InterviewId, Pseudonyms.Firm(r.FirmId),
            r.S.IsConsensus ? "consensus" : ApiScope.Person(names, caller, r.S.CoderId, 'C'), r.S.IsConsensus, r.S.Start, r.S.End, r.S.Quote,
            Code(r.S.LinkageTypeId), Code(r.S.PartnerLocationId), Code(r.S.PartnerKindId), Code(r.S.NatureId), r.S.PartnerName, r.S.Memo,
            r.S.Anchor.ToString(), r.S.UpdatedAtUtc)).ToList(), limit, r => r.Id);
    }

    static async Task<List<CodeRow>> Codebook(FieldSurveyDbContext db, CancellationToken ct)
    {
        var parks = await db.Parks.AsNoTracking().OrderBy(p => p.SortOrder)
            .Select(p => new CodeRow("Park", p.Code, p.NameEn, p.NameZh, null, null, p.RetiredAt == null)).ToListAsync(ct);
        var terms = (await db.Terms.AsNoTracking().OrderBy(t => t.Kind).ThenBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct))
            .Select(t => new CodeRow(t.Kind.ToString(), t.Code, t.NameEn, t.NameZh, t.DefinitionEn, t.DefinitionZh, t.IsActive));
        return [.. parks, .. terms];
    }

    static async Task<List<ApiTable>> Agreement(ClaimsPrincipal user, FieldSurveyDbContext db, CancellationToken ct)
    {
        // As the report download's agreement sheets: finished double-coded transcripts, the default matching rule.
        var pairs = await db.PairsAsync(includeUnfinished: false);
        if (!ApiCaller.Of(user).PersonalData)
        {
            // Pair and transcript rows name coders and firms: pseudonyms as in the data package (C03, F0012).
            var names = await Pseudonyms.LoadAsync(db);
            var ids = pairs.Select(p => p.TranscriptId).Distinct().ToList();
            var firmOf = await db.Transcripts.Where(t => ids.Contains(t.Id)).Join(db.Interviews, t => t.InterviewId, i => i.Id, (t, i) => new { t.Id, i.FirmId })
                .ToDictionaryAsync(x => x.Id, x => x.FirmId, ct);
            pairs = pairs.Select(p => p with { Transcript = $"{Pseudonyms.Firm(firmOf[p.TranscriptId])} (#{p.TranscriptId})",
                CoderA = names.Of(p.CoderAId, 'C'), CoderB = names.Of(p.CoderBId, 'C') }).ToList();
        }
        var units = await db.UnitsAsync(pairs, MatchRule.Default);
        var tables = AgreementTables.Build(units, await db.CodebookAsync(), s => s, basis: AgreementBasis.Coding);
        return tables.Select(t => new ApiTable(t.Title, t.Title, t.Columns.Select(c => c.Header).ToList(), t.Rows.Select(Cells))).ToList();
    }

    static async Task<List<ApiTable>> Report([AsParameters] ReportQuery query, ClaimsPrincipal user, FieldSurveyDbContext db, TimeProvider clock,
        ReportCache reports, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var filter = new ReportFilter(string.IsNullOrWhiteSpace(query.Park) ? null : query.Park, query.From, query.To, query.Guide,
            query.Source ?? SourceFilter.Both, query.Interviews ?? InterviewFilter.Approved);
        // The report page's own kept report, and the presentation the CSV downloads render: the API cannot show other figures.
        var report = await reports.GetAsync(db, filter, clock.GetUtcNow(), ct);
        var personal = ApiCaller.Of(user).PersonalData;
        // The report names firms and coders (it is a PI's document); without personal data those labels become
        // the data package's pseudonyms, cell by cell. Figures are untouched.
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!personal)
        {
            var names = await Pseudonyms.LoadAsync(db);
            foreach (var (id, firm) in report.Firms)
                foreach (var label in new[] { firm.Display, firm.NameZh, firm.NameEn }.OfType<string>().Where(l => l.Length > 0))
                    labels.TryAdd(label, Pseudonyms.Firm(id));
            foreach (var (id, name) in report.UserNames.Where(u => u.Value.Length > 0)) labels.TryAdd(name, names.Of(id, 'C'));
        }
        // Headings in English, whatever the caller's language: scripts key on them.
        using var language = ReportLanguage.Use("en");
        return ReportPresentation.Build(report, t, personal).Tables(Outputs.Csv)
            .Select(x => new ApiTable(x.Id ?? x.Name, x.Title, x.Columns.Select(c => c.Header).ToList(), x.Rows.Select(r => Cells(r, labels)))).ToList();
    }

    // JSON has no NaN: an undefined figure (a share of nothing) is null, as the exports leave the cell empty.
    static IEnumerable<object?> Cells(IEnumerable<object?> row) => Cells(row, null);

    static IEnumerable<object?> Cells(IEnumerable<object?> row, IReadOnlyDictionary<string, string>? labels) =>
        row.Select(Cell.ValueOf).Select(c => c switch
        {
            double d when !double.IsFinite(d) => null,
            float x when !float.IsFinite(x) => null,
            string text when labels is not null && labels.TryGetValue(text, out var pseudonym) => pseudonym,
            _ => c,
        }).ToList();
}
