using System.ComponentModel.DataAnnotations;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Admin.Vocabulary;

/// <summary>
/// Add or rename a vocabulary entry (with its codebook notes). Thematic codes also take a parent (which moves them in
/// the tree, children and all) and a colour. Stale edits are refused.
/// </summary>
public sealed class EditModel(FieldSurveyDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public TermKind Kind { get; private set; }
    public IReadOnlyList<Park> Parks { get; private set; } = [];
    public IReadOnlyList<PlacedTheme> ThemeTree { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(TermKind kind, int? id)
    {
        if (!Enum.IsDefined(kind)) return NotFound();
        Kind = kind;
        await LoadParksAsync();
        if (id is null) return Page();
        var term = await db.Terms.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.Kind == kind);
        if (term is null) return NotFound();
        Input = new InputModel
        {
            Id = term.Id, Version = term.Version, Code = term.Code, NameEn = term.NameEn, NameZh = term.NameZh,
            DefinitionEn = term.DefinitionEn, DefinitionZh = term.DefinitionZh, Inclusion = term.Inclusion, Exclusion = term.Exclusion,
            Example = term.Example, Shortcut = term.Shortcut, Level = term.Level, ParkId = term.ParkId,
            ParentId = term.ParentId, Color = term.Color,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(TermKind kind)
    {
        if (!Enum.IsDefined(kind)) return NotFound();
        Kind = kind;
        await LoadParksAsync();
        var others = (await db.Terms.AsNoTracking().ToListAsync()).Select(VocabularyEntry.Of).ToList();
        var active = others.FirstOrDefault(o => o.Id == Input.Id)?.Active ?? true;
        foreach (var problem in VocabularyRules.Check(new VocabularyEntry(Input.Id ?? 0, kind, Input.Code, Input.Shortcut, active), others))
            ModelState.AddModelError(problem.Field == VocabularyField.Code ? "Input.Code" : "Input.Shortcut", t[problem.Code]);
        if (kind == TermKind.PartnerLocation && Input.Level is null)
            ModelState.AddModelError("Input.Level", t["Choose the level of this location."]);
        if (kind == TermKind.PartnerLocation && Input.Level == LocationLevel.Park && Input.ParkId is null)
            ModelState.AddModelError("Input.ParkId", t["Choose the park this location stands for."]);
        if (kind == TermKind.Theme && Themes.MoveProblem(Input.Id ?? 0, Input.ParentId, ThemeTree.Select(x => x.Node).ToList()) is { } moveProblem)
            ModelState.AddModelError("Input.ParentId", t[moveProblem]);
        if (kind == TermKind.Theme && Input.Color is { Length: > 0 } && Themes.NormaliseColour(Input.Color) is null)
            ModelState.AddModelError("Input.Color", t[Themes.BadColour]);
        if (!ModelState.IsValid) return Page();

        Term term;
        if (Input.Id is { } id)
        {
            var found = await db.Terms.SingleOrDefaultAsync(x => x.Id == id && x.Kind == kind);
            if (found is null) return NotFound();
            term = found;
            db.ExpectVersion(term, Input.Version);
        }
        else
        {
            term = new Term { Kind = kind, Code = Input.Code, NameEn = Input.NameEn, NameZh = Input.NameZh,
                SortOrder = (await db.Terms.Where(x => x.Kind == kind).MaxAsync(x => (int?)x.SortOrder) ?? 0) + 1 };
            db.Terms.Add(term);
        }
        term.Code = Input.Code; term.NameEn = Input.NameEn; term.NameZh = Input.NameZh;
        term.DefinitionEn = Input.DefinitionEn; term.DefinitionZh = Input.DefinitionZh; term.Inclusion = Input.Inclusion;
        term.Exclusion = Input.Exclusion; term.Example = Input.Example; term.Shortcut = Input.Shortcut;
        term.Level = kind == TermKind.PartnerLocation ? Input.Level : null;
        term.ParkId = term.Level == LocationLevel.Park ? Input.ParkId : null;
        term.ParentId = kind == TermKind.Theme ? Input.ParentId : null;
        term.Color = kind == TermKind.Theme ? Themes.NormaliseColour(Input.Color) : null;
        if (!await db.TrySaveAsync())
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this entry while you were editing. Your changes were not saved: reload the page to see theirs."]);
            return Page();
        }
        TempData["StatusMessage"] = t["Saved."].Value;
        return RedirectToPage("Index", new { kind });
    }

    async Task LoadParksAsync()
    {
        Parks = await db.Parks.AsNoTracking().OrderBy(p => p.SortOrder).ToListAsync();
        if (Kind == TermKind.Theme)
            ThemeTree = Themes.Walk(await db.Terms.AsNoTracking().Where(x => x.Kind == TermKind.Theme)
                .Select(x => new ThemeNode(x.Id, x.ParentId, x.Code, x.NameEn, x.RetiredAt == null && x.MergedIntoId == null, x.SortOrder)).ToListAsync());
    }

    public sealed class InputModel
    {
        public int? Id { get; set; }
        public int Version { get; set; }
        [Required(ErrorMessage = "Enter a code."), RegularExpression("^[A-Za-z0-9_-]{1,40}$", ErrorMessage = "Use letters, digits, - or _ (at most 40).")]
        public string Code { get; set; } = "";
        [Required(ErrorMessage = "Enter the English name."), StringLength(200)] public string NameEn { get; set; } = "";
        [Required(ErrorMessage = "Enter the Chinese name."), StringLength(200)] public string NameZh { get; set; } = "";
        [StringLength(2000)] public string? DefinitionEn { get; set; }
        [StringLength(2000)] public string? DefinitionZh { get; set; }
        [StringLength(2000)] public string? Inclusion { get; set; }
        [StringLength(2000)] public string? Exclusion { get; set; }
        [StringLength(2000)] public string? Example { get; set; }
        [StringLength(1)] public string? Shortcut { get; set; }
        public LocationLevel? Level { get; set; }
        public int? ParkId { get; set; }
        public int? ParentId { get; set; }
        [StringLength(7)] public string? Color { get; set; }
    }
}
