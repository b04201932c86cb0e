using System.ComponentModel.DataAnnotations;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Admin.Codebook;

/// <summary>
/// Merges a code into another of its dimension: every segment and partner row that used it is reassigned to the
/// target (each change audited), and the source is kept with MergedIntoId set, so nothing is lost. A thematic code's
/// passages, memos, code-group places and sub-codes all follow it to the target.
/// </summary>
public sealed class MergeModel(FieldSurveyDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public Term? Source { get; private set; }
    public IReadOnlyList<Term> Targets { get; private set; } = [];
    public int SegmentCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var target = Targets.SingleOrDefault(x => x.Id == Input.TargetId);
        if (Core.Coding.Codebook.MergeProblem(Source!, target) is { } problem)
            ModelState.AddModelError("Input.TargetId", t[problem]);
        else if (Source!.Kind == TermKind.Theme && Core.Coding.Themes.MergeProblem(id, target!.Id, await db.Terms.AsNoTracking().Where(x => x.Kind == TermKind.Theme)
                     .Select(x => new Core.Coding.ThemeNode(x.Id, x.ParentId, x.Code, x.NameEn, true, x.SortOrder)).ToListAsync()) is { } loop)
            ModelState.AddModelError("Input.TargetId", t[loop]);
        if (!ModelState.IsValid) return Page();

        var source = await db.Terms.SingleAsync(x => x.Id == id);
        db.ExpectVersion(source, Input.Version);
        var moved = await MergeAsync(db, source, target!.Id);
        db.AuditReason = $"Merged code {source.Kind}/{source.Code} into {target.Code}";
        if (!await db.TrySaveAsync())
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this code while you were looking at it; nothing was merged. Reload and try again."]);
            return Page();
        }
        TempData["StatusMessage"] = t.Count(moved, "Merged; {0} segment now carries the target code.", "Merged; {0} segments now carry the target code.").Value;
        return RedirectToPage("Index");
    }

    /// <summary>Reassigns every use of <paramref name="source"/> to <paramref name="targetId"/> (tracked, so audited) and marks it merged.</summary>
    public static async Task<int> MergeAsync(FieldSurveyDbContext db, Term source, int targetId)
    {
        var id = source.Id;
        var segments = await db.Segments.Where(s => s.LinkageTypeId == id || s.PartnerLocationId == id || s.PartnerKindId == id || s.NatureId == id).ToListAsync();
        foreach (var s in segments)
        {
            if (s.LinkageTypeId == id) s.LinkageTypeId = targetId;
            if (s.PartnerLocationId == id) s.PartnerLocationId = targetId;
            if (s.PartnerKindId == id) s.PartnerKindId = targetId;
            if (s.NatureId == id) s.NatureId = targetId;
        }
        var rows = await db.PartnerRows.Where(r => r.LinkageTypeId == id || r.PartnerLocationId == id || r.PartnerKindId == id || r.NatureId == id).ToListAsync();
        foreach (var r in rows)
        {
            if (r.LinkageTypeId == id) r.LinkageTypeId = targetId;
            if (r.PartnerLocationId == id) r.PartnerLocationId = targetId;
            if (r.PartnerKindId == id) r.PartnerKindId = targetId;
            if (r.NatureId == id) r.NatureId = targetId;
        }
        var themed = await MergeThemeAsync(db, source, targetId);
        source.MergedIntoId = targetId;
        return segments.Count + themed;
    }

    // A passage that already carries the target keeps one row: the source's is removed (audited), not doubled.
    static async Task<int> MergeThemeAsync(FieldSurveyDbContext db, Term source, int targetId)
    {
        var id = source.Id;
        var rows = await db.SegmentThemes.Where(x => x.TermId == id).ToListAsync();
        var already = (await db.SegmentThemes.Where(x => x.TermId == targetId).Select(x => x.SegmentId).ToListAsync()).ToHashSet();
        foreach (var row in rows)
            if (already.Contains(row.SegmentId)) db.SegmentThemes.Remove(row); else row.TermId = targetId;
        foreach (var child in await db.Terms.Where(x => x.ParentId == id).ToListAsync()) child.ParentId = targetId;
        foreach (var memo in await db.Memos.Where(x => x.TermId == id).ToListAsync()) memo.TermId = targetId;
        var groups = await db.CodeGroupMembers.Where(x => x.TermId == id).ToListAsync();
        var inGroups = (await db.CodeGroupMembers.Where(x => x.TermId == targetId).Select(x => x.CodeGroupId).ToListAsync()).ToHashSet();
        foreach (var g in groups)
            if (inGroups.Contains(g.CodeGroupId)) db.CodeGroupMembers.Remove(g); else g.TermId = targetId;
        return rows.Count;
    }

    async Task<bool> LoadAsync(int id)
    {
        Source = await db.Terms.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && Core.Coding.Codebook.Coded.Contains(x.Kind));
        if (Source is null) return false;
        if (Input.Version == 0) Input.Version = Source.Version;
        Targets = await db.Terms.AsNoTracking().Active().Where(x => x.Kind == Source.Kind && x.Id != id)
            .OrderBy(x => x.SortOrder).ToListAsync();
        SegmentCount = await db.Segments.CountAsync(s => s.LinkageTypeId == id || s.PartnerLocationId == id || s.PartnerKindId == id || s.NatureId == id)
            + await db.SegmentThemes.CountAsync(x => x.TermId == id);
        return true;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose the code to merge into.")] public int? TargetId { get; set; }
        public int Version { get; set; }
    }
}
