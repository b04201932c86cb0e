using FieldSurvey.Web.Infrastructure;
using System.ComponentModel.DataAnnotations;
using FieldSurvey.Core.Firms;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Firms;

/// <summary>
/// Add or edit a firm and its contacts. Possible duplicates (same name or phone) are shown and must be
/// confirmed before saving; stale edits are refused.
/// </summary>
public sealed class EditModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<(int Id, string Code)> Parks { get; private set; } = [];
    public IReadOnlyList<Term> Subsectors { get; private set; } = [];
    /// <summary>Firms that look like the one being saved (name or phone), shown as a warning.</summary>
    public IReadOnlyList<(int Id, string NameZh, string? NameEn)> PossibleDuplicates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        await LoadListsAsync();
        if (id is null) { Input.Contacts = [new(), new()]; return Page(); }
        var firm = await db.Firms.AsNoTracking().Include(f => f.Contacts).SingleOrDefaultAsync(f => f.Id == id);
        if (firm is null) return NotFound();
        if (!User.CanWork(firm.AssignedInterviewerId)) return Forbid();
        Input = new InputModel
        {
            // A firm with only an English name holds it in both columns (FirmRules.StoredNameZh): show the Chinese box empty.
            Id = firm.Id, Version = firm.Version, NameZh = firm.NameZh == firm.NameEn ? null : firm.NameZh, NameEn = firm.NameEn, ParkId = firm.ParkId,
            Address = firm.Address, Subsector = firm.Subsector, FoundedYear = firm.FoundedYear, SizeBand = firm.SizeBand,
            Website = firm.Website, Notes = firm.Notes, Status = firm.Status,
            Contacts = firm.Contacts.OrderBy(c => c.Id).Select(c => new ContactInput
            {
                Id = c.Id, Version = c.Version, Name = c.Name, Title = c.Title, Phones = string.Join("; ", c.Phones), Email = c.Email,
            }).Append(new()).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadListsAsync();
        Input.Contacts = Input.Contacts.Where(c => !c.IsBlank || c.Id is not null).ToList();
        for (var i = 0; i < Input.Contacts.Count; i++)
        {
            var c = Input.Contacts[i];
            if (c.Remove) continue;
            var numbers = Core.Firms.Phones.Split(c.Phones);
            if (string.IsNullOrWhiteSpace(c.Name) && Contact.NeedsName(numbers, c.Email))
                ModelState.AddModelError($"Input.Contacts[{i}].Name", t["Enter the contact's name (without one, the row is the firm's switchboard and needs a phone number)."]);
            if (numbers.Any(p => !Core.Firms.Phones.IsValid(p)))
                ModelState.AddModelError($"Input.Contacts[{i}].Phones", t["A phone number is not valid (7 to 15 digits; separate several with ;)."]);
        }
        foreach (var problem in FirmRules.Check(Input.NameZh, Input.NameEn, Input.FoundedYear, Input.Website, clock.GetUtcNow().Year))
            ModelState.AddModelError(problem.Field switch
            {
                FirmField.Name => "Input.NameZh",
                FirmField.FoundedYear => "Input.FoundedYear",
                _ => "Input.Website",
            }, t[problem.Code]);
        if (!Parks.Any(p => p.Id == Input.ParkId)) ModelState.AddModelError("Input.ParkId", t["Choose the park."]);
        if (Input.Subsector is not null && !Subsectors.Any(s => s.Code == Input.Subsector)) ModelState.AddModelError("Input.Subsector", t["Choose a subsector from the list."]);
        if (!ModelState.IsValid) return Page();

        var phones = Input.Contacts.Where(c => !c.Remove).SelectMany(c => Core.Firms.Phones.Split(c.Phones)).ToList();
        var matches = Duplicates.Find(new FirmKey(Input.Id ?? 0, FirmRules.StoredNameZh(Input.NameZh, Input.NameEn), Input.NameEn, phones), await db.FirmKeysAsync());
        if (matches.Count > 0 && !Input.ConfirmDuplicate)
        {
            PossibleDuplicates = await db.Firms.Where(f => matches.Contains(f.Id)).OrderBy(f => f.NameZh)
                .Select(f => new ValueTuple<int, string, string?>(f.Id, f.NameZh, f.NameEn)).ToListAsync();
            return Page();
        }

        Firm firm;
        if (Input.Id is { } id)
        {
            var found = await db.Firms.Include(f => f.Contacts).SingleOrDefaultAsync(f => f.Id == id);
            if (found is null) return NotFound();
            if (!User.CanWork(found.AssignedInterviewerId)) return Forbid();
            firm = found;
            db.ExpectVersion(firm, Input.Version);
        }
        else
        {
            firm = new Firm { NameZh = "" };
            db.Firms.Add(firm);
        }
        firm.NameZh = FirmRules.StoredNameZh(Input.NameZh, Input.NameEn); firm.NameEn = Input.NameEn?.Trim(); firm.ParkId = Input.ParkId; firm.Address = Input.Address;
        firm.Subsector = Input.Subsector; firm.FoundedYear = Input.FoundedYear; firm.SizeBand = Input.SizeBand;
        firm.Website = Input.Website; firm.Notes = Input.Notes; firm.Status = Input.Status;
        foreach (var c in Input.Contacts)
        {
            var contact = c.Id is { } cid ? firm.Contacts.SingleOrDefault(x => x.Id == cid) : null;
            if (c.Id is not null && contact is null) continue; // removed by someone else meanwhile
            if (contact is not null) db.ExpectVersion(contact, c.Version);
            if (c.Remove) { if (contact is not null) firm.Contacts.Remove(contact); continue; }
            contact ??= AddContact(firm);
            contact.Name = c.Name?.Trim() ?? ""; contact.Title = c.Title; contact.Email = c.Email;
            contact.Phones = Core.Firms.Phones.Split(c.Phones).ToList();
        }
        if (!await db.TrySaveAsync())
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this firm while you were editing. Your changes were not saved: reload the page to see theirs."]);
            return Page();
        }
        TempData["StatusMessage"] = t["Saved."].Value;
        return RedirectToPage("Details", new { id = firm.Id });
    }

    static Contact AddContact(Firm firm)
    {
        var contact = new Contact { Name = "" };
        firm.Contacts.Add(contact);
        return contact;
    }

    async Task LoadListsAsync()
    {
        Parks = (await db.Parks.VisibleTo(User).Where(p => p.RetiredAt == null).OrderBy(p => p.SortOrder).Select(p => new { p.Id, p.Code }).ToListAsync())
            .Select(p => (p.Id, p.Code)).ToList();
        Subsectors = await db.Terms.AsNoTracking().Active().Where(x => x.Kind == TermKind.Subsector)
            .OrderBy(x => x.SortOrder).ToListAsync();
    }

    public sealed class InputModel
    {
        public int? Id { get; set; }
        public int Version { get; set; }
        // Names, year and website are checked by FirmRules, as in the import.
        public string? NameZh { get; set; }
        public string? NameEn { get; set; }
        public int ParkId { get; set; }
        [StringLength(500)] public string? Address { get; set; }
        public string? Subsector { get; set; }
        public int? FoundedYear { get; set; }
        [StringLength(40)] public string? SizeBand { get; set; }
        public string? Website { get; set; }
        [StringLength(4000)] public string? Notes { get; set; }
        public FirmStatus Status { get; set; }
        public List<ContactInput> Contacts { get; set; } = [];
        /// <summary>The person saw the possible duplicates and saves anyway.</summary>
        public bool ConfirmDuplicate { get; set; }
    }

    public sealed class ContactInput
    {
        public int? Id { get; set; }
        public int Version { get; set; }
        [StringLength(200)] public string? Name { get; set; }
        [StringLength(200)] public string? Title { get; set; }
        [StringLength(500)] public string? Phones { get; set; }
        [StringLength(256), EmailAddress(ErrorMessage = "Enter a valid e-mail address.")] public string? Email { get; set; }
        public bool Remove { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Phones) && string.IsNullOrWhiteSpace(Email);
    }
}
