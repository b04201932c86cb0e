using System.Security.Claims;
using System.Text.Json;
using FieldSurvey.Core.Auditing;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace FieldSurvey.Web.Pages.Interviews;

/// <summary>
/// Who may hear an interview's recording, and the one URL that serves it. Recordings are personal data (a
/// voice): the PI, the interview's interviewer and the coders assigned to its transcript, no one else.
/// </summary>
/// <summary>One part of the recording as the player needs it; parts play one after another, times run across them.</summary>
public sealed record PlayerPart(int Id, int Part, long DurationMs);

/// <summary>What Shared/_Player shows; <see cref="TurnsJson"/> (turn starts and times) lets it put play buttons on coded passages.</summary>
public sealed record PlayerView(IReadOnlyList<PlayerPart> Parts, string? TurnsJson = null)
{
    public static string Turns(string text) => System.Text.Json.JsonSerializer.Serialize(
        Core.Interviews.TranscriptTurns.Parse(text).Select(t => new { start = t.Start, end = t.End, at = t.At?.TotalSeconds }));
}

public static class RecordingAccess
{
    public const string AuditEntity = "RecordingPlayback";

    /// <summary>
    /// The one question every recording page and the file URL ask: can this person reach this interview's recording?
    /// Park scoping (issue 24), when it comes, narrows it here.
    /// </summary>
    public static Task<bool> CanReachAsync(this FieldSurveyDbContext db, ClaimsPrincipal user, int interviewId)
    {
        if (user.IsPI()) return Task.FromResult(true);
        var me = user.Id();
        return db.Interviews.AnyAsync(i => i.Id == interviewId && (i.InterviewerId == me
            || db.Transcripts.Any(t => t.InterviewId == i.Id && db.CodingAssignments.Any(a => a.TranscriptId == t.Id && a.CoderId == me))));
    }

    /// <summary>The parts the player on a transcript, review, annotator or adjudication page gets: none for someone who may not listen.</summary>
    public static async Task<IReadOnlyList<PlayerPart>> PlayerPartsAsync(this FieldSurveyDbContext db, ClaimsPrincipal user, int interviewId) =>
        await db.CanReachAsync(user, interviewId)
            ? await db.Recordings.AsNoTracking().Where(r => r.InterviewId == interviewId && r.DeletedAtUtc == null).OrderBy(r => r.Part)
                .Select(r => new PlayerPart(r.Id, r.Part, r.DurationMs)).ToListAsync()
            : [];

    /// <summary>The player of a coding page: the transcript's interview's parts, and its turns for the passages' play buttons.</summary>
    public static async Task<PlayerView> PlayerForTranscriptAsync(this FieldSurveyDbContext db, ClaimsPrincipal user, int transcriptId)
    {
        var transcript = await db.Transcripts.AsNoTracking().Where(x => x.Id == transcriptId).Select(x => new { x.InterviewId, x.Text }).SingleOrDefaultAsync();
        return transcript is null ? new([]) : await db.PlayerForTranscriptAsync(user, transcript.InterviewId, transcript.Text);
    }

    /// <summary>
    /// The same for a transcript the page has already read. Most transcripts have no recording: then one query, and
    /// neither the access check nor the turns (the player is not drawn without parts).
    /// </summary>
    public static async Task<PlayerView> PlayerForTranscriptAsync(this FieldSurveyDbContext db, ClaimsPrincipal user, int interviewId, string text)
    {
        if (!await db.Recordings.AnyAsync(r => r.InterviewId == interviewId && r.DeletedAtUtc == null)) return new([]);
        var parts = await db.PlayerPartsAsync(user, interviewId);
        return parts.Count == 0 ? new([]) : new(parts, PlayerView.Turns(text));
    }

    /// <summary>GET /recordings/{id}: the playable copy, with range requests (seeking); nothing for anyone else.</summary>
    public static void MapRecordings(this IEndpointRouteBuilder app) => app.MapGet("/recordings/{id:int}",
        async (int id, HttpContext http, FieldSurveyDbContext db, RecordingStore store, TimeProvider clock, bool? original) =>
        {
            var recording = await db.Recordings.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.DeletedAtUtc == null);
            // Not found and not allowed look the same, so ids cannot be probed.
            if (recording is null || !await db.CanReachAsync(http.User, recording.InterviewId)) return Results.NotFound();
            var sha = original == true ? recording.Sha256 : recording.PlayableSha256;
            var path = store.PathOf(sha);
            if (!File.Exists(path)) return Results.NotFound();
            http.Response.Headers.CacheControl = "private, no-store";
            // One audit row per listening or download, not one per seek: a request from the first byte.
            var range = http.Request.GetTypedHeaders().Range;
            if (range is null || range.Ranges.FirstOrDefault()?.From is null or 0)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    AtUtc = clock.GetUtcNow(), UserId = http.User.Id(), UserName = http.User.Identity?.Name, Entity = AuditEntity,
                    EntityId = recording.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Action = original == true ? "Downloaded" : "Played",
                    After = JsonSerializer.Serialize(new { recording.InterviewId, recording.Part }),
                });
                await db.SaveChangesAsync();
            }
            var contentType = original == true ? Core.Recordings.AudioFormats.ByCode(recording.Format)?.ContentType ?? "application/octet-stream" : recording.PlayableContentType;
            return Results.File(path, contentType, original == true ? recording.FileName : null, enableRangeProcessing: true);
        }).RequireAuthorization();
}
