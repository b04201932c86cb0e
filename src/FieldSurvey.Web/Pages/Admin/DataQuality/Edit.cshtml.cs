using System.ComponentModel.DataAnnotations;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Pages.Interviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Admin.DataQuality;

/// <summary>
/// Adds or edits one rule. The expression is parsed and checked against the latest guide version in Core; each error
/// (unknown question id, wrong type, syntax error and where) is shown at the field and nothing is saved.
/// </summary>
public sealed class EditModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public int? RuleId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is null) return Page();
        var rule = await db.DataQualityRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (rule is null) return NotFound();
        RuleId = id;
        Input = new InputModel
        {
            Expression = rule.Expression, MessageEn = rule.MessageEn, MessageZh = rule.MessageZh, Severity = rule.Severity, Version = rule.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        RuleId = id;
        var latest = await db.GuideVersions.AsNoTracking().OrderByDescending(g => g.Number).Select(g => (int?)g.Id).FirstOrDefaultAsync();
        if (latest is null) ModelState.AddModelError("Input.Expression", t["Publish an interview guide first: rules are checked against it."]);
        else if (ModelState.IsValid)
        {
            var guide = await db.ResolveGuideAsync(latest.Value);
            foreach (var e in DataQualityExpressions.Parse(Input.Expression!.Trim(), guide.Guide, guide.OptionsOf).Errors)
                ModelState.AddModelError("Input.Expression", DataQualityText.Error(t, e));
        }
        if (!ModelState.IsValid) return Page();

        DataQualityRule rule;
        if (id is null)
        {
            db.DataQualityRules.Add(rule = new DataQualityRule
            {
                Expression = "", MessageEn = "", MessageZh = "", CreatedAtUtc = clock.GetUtcNow(), CreatedById = User.Id(),
            });
        }
        else
        {
            if (await db.DataQualityRules.SingleOrDefaultAsync(r => r.Id == id) is not { } found) return NotFound();
            rule = found;
            db.ExpectVersion(rule, Input.Version);
        }
        rule.Expression = Input.Expression!.Trim();
        rule.MessageEn = Input.MessageEn!.Trim();
        rule.MessageZh = Input.MessageZh!.Trim();
        rule.Severity = Input.Severity;
        if (!await db.TrySaveAsync())
        {
            ModelState.AddModelError("", t["Someone else changed this rule meanwhile; nothing was saved. Open it again."]);
            return Page();
        }
        StatusMessage = t["Rule saved."];
        return RedirectToPage("/Admin/DataQuality/Index");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Write the rule."), StringLength(1000)] public string? Expression { get; set; }
        [Required(ErrorMessage = "Write the message in English."), StringLength(500)] public string? MessageEn { get; set; }
        [Required(ErrorMessage = "Write the message in Chinese."), StringLength(500)] public string? MessageZh { get; set; }
        public DataQualitySeverity Severity { get; set; } = DataQualitySeverity.Warning;
        public int Version { get; set; }
    }
}
