using System.ComponentModel.DataAnnotations;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FieldSurvey.Web.Pages.Interviews;

/// <summary>
/// The interview's transcript or notes: pasted or uploaded, stored normalised through
/// <see cref="TranscriptRevising.ReviseAsync"/>, every earlier text kept as a revision.
/// </summary>
[UploadLimit(UploadKind.File)]
public sealed class TranscriptModel(FieldSurveyDbContext db, TimeProvider clock, IOptions<StorageOptions> storage,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public Interview Interview { get; private set; } = null!;
    public Transcript? Current { get; private set; }
    public bool Editable { get; private set; }
    public IReadOnlyList<(int Revision, DateTimeOffset SavedAt)> History { get; private set; } = [];
    /// <summary>The text shown: the current one, or an earlier revision when <c>rev</c> asks for it.</summary>
    public string? Shown { get; private set; }
    public int? ShownRevision { get; private set; }
    public long MaxUpload => storage.Value.MaxUploadBytes;
    public PlayerView Player { get; private set; } = new([]);

    public async Task<IActionResult> OnGetAsync(int id, int? rev)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (rev is { } r && Current is not null && r != Current.Revision)
        {
            Shown = await db.TranscriptRevisions.Where(x => x.TranscriptId == Current.Id && x.Revision == r).Select(x => x.Text).SingleOrDefaultAsync();
            if (Shown is null) return NotFound();
            ShownRevision = r;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Editable) return Forbid();
        var text = Input.Text;
        if (Input.File is { } file)
        {
            var (read, problem) = await TranscriptFiles.ReadAsync(file, MaxUpload);
            if (problem is not null) ModelState.AddModelError("Input.File", t[problem, TranscriptText.MaxLength.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)]
                + (problem.Contains("large") ? " " + t["At most {0} MB.", UploadLimits.Megabytes(MaxUpload)] : ""));
            text = read;
            if (read is not null) text = Timed(TimedTranscripts.KindOf(file.FileName) ?? "txt", read, "Input.File");
        }
        else if (text is not null) text = Timed("txt", text, "Input.Text");
        if (ModelState.IsValid && string.IsNullOrWhiteSpace(text)) ModelState.AddModelError("Input.Text", t["Paste the transcript or choose a file."]);
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow();
        if (Current is null)
        {
            db.Transcripts.Add(new Transcript { InterviewId = id, Text = TranscriptText.Normalize(text!), Language = Input.Language, UpdatedAtUtc = now, UpdatedById = User.Id() });
        }
        else
        {
            db.Attach(Current);
            db.ExpectVersion(Current, Input.Version);
            await db.ReviseAsync(Current, text!, User.Id(), now);
            if (Input.Language is not null) Current.Language = Input.Language;
        }
        if (!await db.TrySaveAsync())
        {
            ModelState.AddModelError(string.Empty, t["Someone else saved this transcript while you were editing. Yours was not saved: copy it, reload and try again."]);
            return Page();
        }
        StatusMessage = t["Transcript saved."];
        return RedirectToPage(new { id });
    }

    /// <summary>Sets or corrects one turn's time (from the player's position), as a revision like any other edit.</summary>
    public async Task<IActionResult> OnPostTimeAsync(int id, int turnStart, double? seconds, int version)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Editable || Current is null) return Forbid();
        if (!TranscriptTurns.Parse(Current.Text).Any(x => x.Start == turnStart) || seconds is < 0 or > 86_400) return BadRequest();
        db.Attach(Current);
        db.ExpectVersion(Current, version);
        var at = seconds is { } s ? TimeSpan.FromMilliseconds(Math.Round(s * 10) * 100) : (TimeSpan?)null;
        await db.ReviseAsync(Current, TurnTimes.SetTime(Current.Text, turnStart, at), User.Id(), clock.GetUtcNow());
        StatusMessage = await db.TrySaveAsync() ? t["Turn time saved."] : t["Error: {0}", t["Someone else saved this transcript while you were editing. Yours was not saved: copy it, reload and try again."]];
        return RedirectToPage(new { id });
    }

    /// <summary>SRT and WebVTT become timed turns; plain text keeps its markers, each checked. Problems go to the field, by line.</summary>
    string? Timed(string kind, string content, string field)
    {
        var (text, problems) = TimedTranscripts.Import(kind, content);
        foreach (var p in problems) ModelState.AddModelError(field, t["Line {0}: {1}", p.Line, t[TranscriptFiles.Describe(p)]]);
        return text;
    }

    async Task<bool> LoadAsync(int id)
    {
        var interview = await db.Interviews.AsNoTracking().VisibleTo(User).SingleOrDefaultAsync(i => i.Id == id);
        if (interview is null) return false;
        Interview = interview;
        Editable = InterviewWorkflow.CanEdit(interview.Status, interview.InterviewerId == User.Id(), User.IsPI());
        Current = await db.Transcripts.AsNoTracking().SingleOrDefaultAsync(x => x.InterviewId == id);
        Player = new PlayerView(await db.PlayerPartsAsync(User, id));
        Shown = Current?.Text;
        ShownRevision = Current?.Revision;
        if (Current is not null)
        {
            History = (await db.TranscriptRevisions.AsNoTracking().Where(x => x.TranscriptId == Current.Id)
                    .Select(x => new { x.Revision, x.SavedAtUtc }).ToListAsync())
                .Select(x => (x.Revision, x.SavedAtUtc)).OrderByDescending(x => x.Revision).ToList();
            if (HttpMethods.IsGet(Request.Method)) Input = new InputModel { Text = Current.Text, Version = Current.Version, Language = Current.Language };
        }
        return true;
    }

    public sealed class InputModel
    {
        [StringLength(TranscriptText.MaxLength)] public string? Text { get; set; }
        public IFormFile? File { get; set; }
        public int Version { get; set; }
        // Longest alternative first: the attribute takes the first match and requires it to span the whole value.
        [RegularExpression("zh\\+en|zh|en")] public string? Language { get; set; }
    }
}
