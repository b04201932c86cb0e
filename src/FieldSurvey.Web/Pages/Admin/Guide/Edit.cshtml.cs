using System.ComponentModel.DataAnnotations;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Admin.Guide;

/// <summary>
/// Edits the latest guide as JSON; saving publishes a new version. Versions are never changed in place, so
/// interviews taken with an earlier version keep rendering with their own questions.
/// </summary>
public sealed class EditModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public int LatestNumber { get; private set; }
    /// <summary>The latest version's relation questions and the park each asks about (aboutPark), which the report reads.</summary>
    public IReadOnlyDictionary<string, string> Relations { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync()
    {
        var latest = await db.GuideVersions.AsNoTracking().OrderByDescending(g => g.Number).FirstOrDefaultAsync();
        LatestNumber = latest?.Number ?? 0;
        Input = new InputModel { Json = latest?.DefinitionJson ?? "", BasedOnNumber = LatestNumber };
        if (latest is not null && GuideParser.Parse(latest.DefinitionJson).Guide is { } guide)
            Relations = Core.Reporting.SurveyQuestions.Relations([guide]);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        LatestNumber = await db.GuideVersions.MaxAsync(g => (int?)g.Number) ?? 0;
        if (!ModelState.IsValid) return Page();
        if (Input.BasedOnNumber != LatestNumber)
        {
            ModelState.AddModelError(string.Empty, t["Someone published version {0} while you were editing. Your text was not published: copy it, reload and apply your change again.", LatestNumber]);
            return Page();
        }
        var result = GuideParser.Parse(Input.Json, Enum.GetNames<TermKind>());
        foreach (var p in result.Problems)
            ModelState.AddModelError("Input.Json", (p.Where.Length > 0 ? p.Where + ": " : "") + t[p.Message, p.Args]);
        if (result.Guide is { } guide)
        {
            var linkageCodes = await db.Terms.Where(x => x.Kind == TermKind.LinkageType).Select(x => x.Code).ToListAsync();
            foreach (var q in guide.Questions.Where(q => q.LinkageType is not null && !linkageCodes.Contains(q.LinkageType)))
                ModelState.AddModelError("Input.Json", t["Question {0}: linkageType \"{1}\" is not a linkage type code ({2}).", q.Id, q.LinkageType!, string.Join(", ", linkageCodes)]);
            var parkCodes = await db.Parks.Where(p => p.RetiredAt == null).Select(p => p.Code).ToListAsync();
            foreach (var q in guide.Questions.Where(q => q.AboutPark is not null && !parkCodes.Contains(q.AboutPark)))
                ModelState.AddModelError("Input.Json", t["Question {0}: aboutPark \"{1}\" is not a park code ({2}).", q.Id, q.AboutPark!, string.Join(", ", parkCodes)]);
        }
        if (!ModelState.IsValid) return Page();
        var latest = await db.GuideVersions.AsNoTracking().OrderByDescending(g => g.Number).FirstOrDefaultAsync();
        if (latest?.DefinitionJson == Input.Json)
        {
            StatusMessage = t["Nothing changed; no new version was published."];
            return RedirectToPage("Index");
        }
        db.GuideVersions.Add(new GuideVersion
        {
            Number = LatestNumber + 1, TitleEn = result.Guide!.TitleEn, TitleZh = result.Guide.TitleZh, DefinitionJson = Input.Json,
            PublishedAt = clock.GetUtcNow(), PublishedById = User.Id(),
        });
        await db.SaveChangesAsync();
        StatusMessage = t["Version {0} published. New interviews use it; interviews already taken keep their version.", LatestNumber + 1];
        return RedirectToPage("Index");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the guide as JSON.")] public string Json { get; set; } = "";
        public int BasedOnNumber { get; set; }
    }
}
