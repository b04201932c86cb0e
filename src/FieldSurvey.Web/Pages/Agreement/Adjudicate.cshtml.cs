using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Agreement;

/// <summary>
/// The PI settles a double-coded transcript unit by unit into consensus segments (reports read those). The
/// coders' segments are never changed; every decision is kept, audited with a reason, and can be changed
/// (stale changes refused). Units are formed with the default matching rule so they stay the same between visits.
/// Thematic codes are settled with the unit: the consensus segment carries the themes the decision keeps.
/// </summary>
public sealed class AdjudicateModel(FieldSurveyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public DecisionInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public TranscriptPair? Pair { get; private set; }
    public IReadOnlyList<UnitView> Units { get; private set; } = [];
    public Interviews.PlayerView Player { get; private set; } = new([]);
    public ILookup<TermKind, Term> Codes { get; private set; } = Array.Empty<Term>().ToLookup(x => x.Kind);
    /// <summary>Thematic codes (term ids) per segment of the transcript: the coders' and the consensus's.</summary>
    public ILookup<int, int> ThemesOf { get; private set; } = Array.Empty<int>().ToLookup(x => x);
    public int Decided => Units.Count(u => u.Decision is not null);
    public bool Complete => Units.Count > 0 && Decided == Units.Count;

    public sealed record UnitView(int Index, Unit Unit, Segment? A, Segment? B, AdjudicationDecision? Decision, Segment? Consensus);

    public async Task<IActionResult> OnGetAsync(int transcriptId)
    {
        if (!await LoadAsync(transcriptId)) return NotFound();
        Player = await Interviews.RecordingAccess.PlayerForTranscriptAsync(db, User, transcriptId);
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(int transcriptId)
    {
        if (!await LoadAsync(transcriptId)) return NotFound();
        var unit = Units.FirstOrDefault(u => u.A?.Id == Input.SegmentAId && u.B?.Id == Input.SegmentBId);
        if (unit is null) return Refuse(t["The coders changed this passage since you opened the page: look at it again."]);
        var text = await db.Transcripts.Where(x => x.Id == transcriptId).Select(x => x.Text).SingleAsync();
        var themeIds = Codes[TermKind.Theme].Select(x => x.Id).ToHashSet();
        Input.ThemeIds = Input.ThemeIds.Where(themeIds.Contains).ToList();
        var result = Adjudication.Decide(text, unit.A, unit.B, Input.ToDecision(), clock.GetUtcNow(), Themes(unit.A), Themes(unit.B));
        foreach (var problem in result.Problems) ModelState.AddModelError(string.Empty, t[problem]);
        if (!ModelState.IsValid) return Page();

        if (unit.Decision?.Id != Input.DecisionId) return Refuse(StaleMessage);
        var decision = unit.Decision is { } d ? await db.AdjudicationDecisions.SingleAsync(x => x.Id == d.Id) : null;
        var reason = Reason(Input.Kind, Input.Note);
        if (!await DecideAsync(transcriptId, unit, decision, Input.Version, Input.Kind, Input.Note, result.Consensus, result.Themes, reason))
        {
            await LoadAsync(transcriptId);
            return Refuse(StaleMessage);
        }
        StatusMessage = t["Decision saved: {0}.", reason].Value;
        return RedirectToPage(new { transcriptId });
    }

    public async Task<IActionResult> OnPostAcceptAgreedAsync(int transcriptId)
    {
        if (!await LoadAsync(transcriptId)) return NotFound();
        var text = await db.Transcripts.Where(x => x.Id == transcriptId).Select(x => x.Text).SingleAsync();
        var count = 0;
        foreach (var unit in Units.Where(u => u.Decision is null && !u.Unit.Disagrees))
        {
            var result = Adjudication.Decide(text, unit.A, unit.B, new Decision(DecisionKind.AcceptA), clock.GetUtcNow(), Themes(unit.A), Themes(unit.B));
            if (result.Ok && await DecideAsync(transcriptId, unit, null, 0, DecisionKind.AcceptA, null, result.Consensus, result.Themes,
                    t["accepted where both coders agree"])) count++;
        }
        StatusMessage = t.Count(count, "{0} unit where both coders agree was accepted.", "{0} units where both coders agree were accepted.").Value;
        return RedirectToPage(new { transcriptId });
    }

    List<int> Themes(Segment? segment) => segment is null ? [] : ThemesOf[segment.Id].ToList();

    string StaleMessage => t["Someone else decided this passage while you were looking. Your decision was not saved: look at theirs and decide again if needed."];

    IActionResult Refuse(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }

    string Reason(DecisionKind kind, string? note)
    {
        var what = kind switch
        {
            DecisionKind.AcceptA => t["accepted {0}", Pair!.CoderA].Value,
            DecisionKind.AcceptB => t["accepted {0}", Pair!.CoderB].Value,
            DecisionKind.Merge => t["merged both versions"].Value,
            DecisionKind.New => t["wrote a new version"].Value,
            _ => t["rejected: no linkage"].Value,
        };
        return string.IsNullOrWhiteSpace(note) ? what : $"{what} — {note.Trim()}";
    }

    // One decision, its consensus segment and the segment's thematic codes commit together; the audit trail gets the reason on both saves.
    async Task<bool> DecideAsync(int transcriptId, UnitView unit, AdjudicationDecision? decision, int version, DecisionKind kind,
        string? note, Segment? built, IReadOnlyList<int> themes, string reason)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.BeginWriteAsync();
        if (decision is null)
        {
            decision = new AdjudicationDecision { TranscriptId = transcriptId, SegmentAId = unit.A?.Id, SegmentBId = unit.B?.Id,
                UnitKey = AdjudicationDecision.KeyOf(unit.A?.Id, unit.B?.Id), DecidedById = User.Id() };
            db.AdjudicationDecisions.Add(decision);
        }
        else db.ExpectVersion(decision, version);
        decision.Kind = kind;
        decision.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        decision.DecidedById = User.Id();
        decision.DecidedAtUtc = now;

        var consensus = decision.ConsensusSegmentId is { } id ? await db.Segments.SingleAsync(s => s.Id == id) : null;
        if (built is not null && consensus is not null) Adjudication.CopyInto(consensus, built);
        else if (built is not null) db.Segments.Add(consensus = built);
        else if (consensus is not null) consensus.DeletedAtUtc = now;

        db.AuditReason = reason;
        try
        {
            if (!await db.TrySaveAsync()) return false;
        }
        catch (DbUpdateException) when (unit.Decision is null)
        {
            db.ChangeTracker.Clear(); // another PI's first decision on this unit won the unique key
            return false;
        }
        if (consensus is not null && built is not null)
        {
            // The themes need the consensus segment's id, so they follow the first save, inside the same transaction.
            await Coding.SegmentEditing.SetThemesAsync(db, consensus.Id, themes);
            decision.ConsensusSegmentId = consensus.Id;
            db.AuditReason = reason;
            await db.SaveChangesAsync();
        }
        await tx.CommitAsync();
        return true;
    }

    async Task<bool> LoadAsync(int transcriptId)
    {
        Pair = (await db.PairsAsync(includeUnfinished: false, transcriptId)).FirstOrDefault()
            ?? (await db.PairsAsync(includeUnfinished: true, transcriptId)).FirstOrDefault();
        if (Pair is null) return await db.Transcripts.AnyAsync(x => x.Id == transcriptId);
        var units = (await db.UnitsAsync([Pair], MatchRule.Default)).Single().Units;
        var segments = await db.Segments.AsNoTracking().Where(s => s.TranscriptId == transcriptId).ToDictionaryAsync(s => s.Id);
        var decisions = await db.AdjudicationDecisions.AsNoTracking().Where(d => d.TranscriptId == transcriptId).ToListAsync();
        Units = units.Select((u, i) =>
        {
            var d = decisions.FirstOrDefault(x => x.SegmentAId == u.A?.SegmentId && x.SegmentBId == u.B?.SegmentId);
            return new UnitView(i + 1, u, u.A is null ? null : segments[u.A.SegmentId], u.B is null ? null : segments[u.B.SegmentId],
                d, d?.ConsensusSegmentId is { } c ? segments.GetValueOrDefault(c) : null);
        }).OrderBy(u => u.Unit.Disagrees ? 0 : 1).ThenBy(u => u.Unit.Start).ToList();
        Codes = (await db.Terms.AsNoTracking().Where(x => x.Kind <= TermKind.Nature || x.Kind == TermKind.Theme).OrderBy(x => x.SortOrder).ThenBy(x => x.Id)
            .ToListAsync()).ToLookup(x => x.Kind);
        ThemesOf = await Coding.SegmentEditing.ThemesOfAsync(db, segments.Keys.ToList());
        return true;
    }
}
