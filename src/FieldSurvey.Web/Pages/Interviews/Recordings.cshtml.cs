using System.ComponentModel.DataAnnotations;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Recordings;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Interviews;

/// <summary>
/// The interview's recording: consent to record (asked apart from consent to the interview), then its parts.
/// The upload is the request body itself (recordings.js sends the file as it is), streamed by
/// <see cref="RecordingStore"/>; no form is buffered, so the antiforgery token comes in the X-CSRF-TOKEN header.
/// </summary>
public sealed class RecordingsModel(FieldSurveyDbContext db, TimeProvider clock, RecordingStore store, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public ConsentInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public Interview Interview { get; private set; } = null!;
    public bool Editable { get; private set; }
    public string? ConsentBy { get; private set; }
    public IReadOnlyList<Recording> Parts { get; private set; } = [];
    public long MaxBytes => store.MaxBytes;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConsentAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Editable) return Forbid();
        if (Input.Answer is not (RecordingConsent.Yes or RecordingConsent.No)) ModelState.AddModelError("Input.Answer", t["Choose the respondent's answer."]);
        else if (Input.Answer == RecordingConsent.No && Parts.Count > 0)
            ModelState.AddModelError("Input.Answer", t["This interview has recordings; they stay until the retention sweep deletes them."]);
        if (!ModelState.IsValid) return Page();
        db.Attach(Interview);
        db.ExpectVersion(Interview, Input.Version);
        Interview.RecordingConsent = Input.Answer!.Value;
        Interview.RecordingConsentAtUtc = clock.GetUtcNow();
        Interview.RecordingConsentById = User.Id();
        if (!await db.TrySaveAsync()) { StatusMessage = t["Error: {0}", t["Someone else changed this interview; reload and try again."]]; return RedirectToPage(new { id }); }
        StatusMessage = t["Recording consent saved."];
        return RedirectToPage(new { id });
    }

    /// <summary>POST ?handler=Upload&amp;name=…, body = the file. Answers JSON: the new part, or { error }.</summary>
    public async Task<IActionResult> OnPostUploadAsync(int id, string? name, CancellationToken ct)
    {
        if (!await LoadAsync(id)) return Refuse(404, "No such interview.");
        if (!Editable) return Refuse(403, "This interview is read-only.");
        if (Interview.RecordingConsent != RecordingConsent.Yes) return Refuse(400, "The respondent has not agreed to a recording of this call, so nothing can be recorded or kept.");
        if (Request.ContentLength > store.MaxBytes) return Refuse(413, RecordingStore.TooLarge);
        // Kestrel's own limit (~28.6 MB) would cut a long call short; this handler counts the bytes itself.
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = store.MaxBytes + 1;
        var (stored, problem) = await store.StoreAsync(Request.Body, ct);
        if (stored is null) return Refuse(problem == RecordingStore.TooLarge ? 413 : 400, problem!);
        var fileName = Path.GetFileName(name ?? "") is { Length: > 0 } n ? n[..Math.Min(n.Length, 200)] : "recording" + stored.Format.Extension;
        var recording = new Recording
        {
            InterviewId = id, Part = Parts.Count == 0 ? 1 : Parts.Max(p => p.Part) + 1, FileName = fileName, Format = stored.Format.Code,
            Sha256 = stored.Sha256, SizeBytes = stored.SizeBytes, PlayableSha256 = stored.PlayableSha256, PlayableContentType = stored.PlayableContentType,
            DurationMs = stored.DurationMs, UploadedAtUtc = clock.GetUtcNow(), UploadedById = User.Id(),
        };
        db.Recordings.Add(recording);
        if (!await db.TrySaveAsync()) return Refuse(409, "Another part was added at the same time; reload and upload again.");
        return new JsonResult(new { recording.Id, recording.Part, recording.DurationMs, recording.Format });
    }

    JsonResult Refuse(int status, string message) => new(new { error = t[message, UploadLimits.Megabytes(store.MaxBytes)].Value
        + (message == RecordingStore.TooLarge ? " " + t["At most {0} MB.", UploadLimits.Megabytes(store.MaxBytes)] + " " + t["Nothing was stored."] : "") }) { StatusCode = status };

    async Task<bool> LoadAsync(int id)
    {
        var interview = await db.Interviews.AsNoTracking().VisibleTo(User).SingleOrDefaultAsync(i => i.Id == id);
        if (interview is null) return false;
        Interview = interview;
        Editable = InterviewWorkflow.CanEdit(interview.Status, interview.InterviewerId == User.Id(), User.IsPI());
        Parts = await db.Recordings.AsNoTracking().Where(r => r.InterviewId == id && r.DeletedAtUtc == null).OrderBy(r => r.Part).ToListAsync();
        ConsentBy = interview.RecordingConsentById is { } by ? await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).SingleOrDefaultAsync() : null;
        if (HttpMethods.IsGet(Request.Method)) Input = new ConsentInput { Version = interview.Version, Answer = interview.RecordingConsent == RecordingConsent.NotAsked ? null : interview.RecordingConsent };
        return true;
    }

    public sealed class ConsentInput
    {
        public int Version { get; set; }
        [Required] public RecordingConsent? Answer { get; set; }
    }
}
