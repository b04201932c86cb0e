using System.ComponentModel.DataAnnotations;
using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Calibration;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Agreement.Calibration;

/// <summary>
/// The PI builds a calibration test from transcripts with adjudicated consensus coding: the consensus passages are
/// copied as the gold standard (so later adjudication cannot change a test already taken), with the dimensions and
/// thematic codes tested, the pass mark and the coders who take it.
/// </summary>
public sealed class CreateModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public IReadOnlyList<Choice> Transcripts { get; private set; } = [];
    public IReadOnlyList<Choice> Themes { get; private set; } = [];
    public IReadOnlyList<Choice> Coders { get; private set; } = [];

    public sealed record Choice(string Id, string Label);
    /// <summary>A re-test: the test it repeats, and whether new consensus transcripts could be chosen (else the same are reused).</summary>
    public CalibrationTest? RetestOf { get; private set; }
    public bool RetestReusesTranscripts { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? retestOf)
    {
        Input.Dimensions = [.. Units.Dimensions];    // all four ticked at first; a POST with none ticked must mean none
        await LoadAsync();
        if (retestOf is { } id)
        {
            if (await db.CalibrationTests.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id) is not { } old) return NotFound();
            await PrefillRetestAsync(old);
        }
        return Page();
    }

    /// <summary>
    /// Drift (issue 25): a re-test keeps the old test's dimensions, codes, pass mark, schedule and coders, and offers
    /// consensus transcripts no test has used yet; when there are none, the old test's transcripts again, which then
    /// also measures each coder's agreement with their own earlier coding.
    /// </summary>
    async Task PrefillRetestAsync(CalibrationTest old)
    {
        RetestOf = old;
        var used = await db.CalibrationGold.Select(g => g.TranscriptId).Distinct().ToListAsync();
        var fresh = Transcripts.Select(c => int.Parse(c.Id, System.Globalization.CultureInfo.InvariantCulture)).Where(id => !used.Contains(id)).ToList();
        RetestReusesTranscripts = fresh.Count == 0;
        Input = new InputModel
        {
            Title = t["{0} — re-test", old.Title], RetestOfId = old.Id, PassMark = old.PassMark, RetestEveryDays = old.RetestEveryDays,
            Dimensions = old.Dimensions.Select(d => (TermKind)d).ToList(), ThemeIds = [.. old.ThemeIds],
            CoderIds = await db.CalibrationTakers.Where(k => k.TestId == old.Id).Select(k => k.CoderId).ToListAsync(),
            TranscriptIds = RetestReusesTranscripts
                ? await db.CalibrationGold.Where(g => g.TestId == old.Id).Select(g => g.TranscriptId).Distinct().ToListAsync()
                : fresh,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        // Only offered choices count: an id the page did not list is ignored, so nothing hidden can be tested.
        var transcriptIds = Input.TranscriptIds.Where(id => Transcripts.Any(c => c.Id == id.ToString())).Distinct().ToList();
        var themeIds = Input.ThemeIds.Where(id => Themes.Any(c => c.Id == id.ToString())).Distinct().ToList();
        var coderIds = Input.CoderIds.Where(id => Coders.Any(c => c.Id == id)).Distinct().ToList();
        var dimensions = Input.Dimensions.Where(d => Units.Dimensions.Contains(d)).Distinct().ToList();
        foreach (var (field, code) in CalibrationRules.Check(transcriptIds.Count, dimensions.Count, themeIds.Count, coderIds.Count, Input.PassMark, Input.RetestEveryDays))
            ModelState.AddModelError($"Input.{field}", t[code]);
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow();
        var test = new CalibrationTest
        {
            Title = Input.Title!.Trim(), PassMark = Input.PassMark, Dimensions = dimensions.Select(d => (int)d).Order().ToList(),
            ThemeIds = themeIds.Order().ToList(), CreatedById = User.Id(), CreatedAtUtc = now, RetestEveryDays = Input.RetestEveryDays,
            RetestOfId = Input.RetestOfId is { } of && await db.CalibrationTests.AnyAsync(x => x.Id == of) ? of : null,
        };
        db.CalibrationTests.Add(test);
        await db.SaveChangesAsync();
        var gold = await db.Segments.AsNoTracking()
            .Where(s => s.IsConsensus && s.DeletedAtUtc == null && transcriptIds.Contains(s.TranscriptId)).ToListAsync();
        var goldIds = gold.Select(s => s.Id).ToList();
        var themesOf = (await db.SegmentThemes.Where(st => goldIds.Contains(st.SegmentId)).ToListAsync()).ToLookup(st => st.SegmentId, st => st.TermId);
        db.CalibrationGold.AddRange(gold.Select(s => new CalibrationGold
        {
            TestId = test.Id, TranscriptId = s.TranscriptId, SourceSegmentId = s.Id, Start = s.Start, End = s.End, Quote = s.Quote,
            LinkageTypeId = s.LinkageTypeId, PartnerLocationId = s.PartnerLocationId, PartnerKindId = s.PartnerKindId, NatureId = s.NatureId,
            ThemeIds = themesOf[s.Id].Order().ToList(),
        }));
        db.CalibrationTakers.AddRange(coderIds.Select(c => new CalibrationTaker { TestId = test.Id, CoderId = c, AssignedAtUtc = now }));
        await db.SaveChangesAsync();
        StatusMessage = t["Calibration test created: {0} gold passages in {1} transcripts, {2} coders.", gold.Count, transcriptIds.Count, coderIds.Count];
        return RedirectToPage("Index");
    }

    async Task LoadAsync()
    {
        // Transcripts whose adjudication produced consensus passages; those passages are the gold standard.
        var withConsensus = await db.Segments.Where(s => s.IsConsensus && s.DeletedAtUtc == null)
            .GroupBy(s => s.TranscriptId).Select(g => new { TranscriptId = g.Key, Passages = g.Count() }).ToListAsync();
        var ids = withConsensus.Select(x => x.TranscriptId).ToList();
        var firms = await (from tr in db.Transcripts
                           join i in db.Interviews on tr.InterviewId equals i.Id
                           join f in db.Firms on i.FirmId equals f.Id
                           where ids.Contains(tr.Id)
                           select new { tr.Id, f.NameZh, f.NameEn }).ToListAsync();
        Transcripts = firms.OrderBy(f => DisplayNames.FirmName(f.NameZh, f.NameEn), DisplayNames.NameComparer)
            .Select(f => new Choice(f.Id.ToString(), $"{DisplayNames.FirmName(f.NameZh, f.NameEn)} (#{f.Id}) · {t["{0} consensus passages", withConsensus.Single(x => x.TranscriptId == f.Id).Passages]}"))
            .ToList();
        var themes = await db.Terms.Where(x => x.Kind == TermKind.Theme && x.RetiredAt == null && x.MergedIntoId == null)
            .OrderBy(x => x.SortOrder).ThenBy(x => x.Id).ToListAsync();
        Themes = themes.Select(x => new Choice(x.Id.ToString(), x.Name(DisplayNames.Chinese))).ToList();
        Coders = await db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.Coder), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId)
            .Join(db.Users.Where(u => u.IsActive), id => id, u => u.Id, (id, u) => u)
            .OrderBy(u => u.Email).Select(u => new Choice(u.Id, u.DisplayName != "" ? u.DisplayName : u.Email!)).ToListAsync();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Give the test a title."), StringLength(200, ErrorMessage = "The title is at most 200 characters.")] public string? Title { get; set; }
        public List<int> TranscriptIds { get; set; } = [];
        public List<TermKind> Dimensions { get; set; } = [];
        public List<int> ThemeIds { get; set; } = [];
        public List<string> CoderIds { get; set; } = [];
        public double PassMark { get; set; } = CalibrationRules.DefaultPassMark;
        /// <summary>Days a pass holds before the coder must pass a re-test; blank: until a newer test.</summary>
        public int? RetestEveryDays { get; set; }
        public int? RetestOfId { get; set; }
    }
}
