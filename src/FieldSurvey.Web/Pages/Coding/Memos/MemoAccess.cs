using System.Security.Claims;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Coding.Memos;

/// <summary>What a memo is about, as one select value: "Project", "Firm:12", "Transcript:5" or "Code:7".</summary>
public sealed record MemoAbout(string Value, string Label, MemoTarget Target);

/// <summary>Who reads which memo (a PI every one; a coder their own and shared ones) and what a memo may be about.</summary>
public static class MemoAccess
{
    public static IQueryable<Memo> Readable(this FieldSurveyDbContext db, ClaimsPrincipal user)
    {
        var me = user.Id();
        var memos = db.Memos.Where(m => m.DeletedAtUtc == null);
        return user.IsPI() ? memos : memos.Where(m => m.AuthorId == me || m.Shared);
    }

    /// <summary>
    /// The targets a person may write a memo about. A coder only reaches transcripts assigned to them (and so their firms),
    /// the same rule as the annotator, so a memo never names a transcript they may not open.
    /// </summary>
    public static async Task<IReadOnlyList<MemoAbout>> TargetsAsync(FieldSurveyDbContext db, ClaimsPrincipal user, bool chinese)
    {
        var me = user.Id();
        var transcripts = db.Transcripts.AsQueryable();
        if (!user.IsPI()) transcripts = transcripts.Where(t => db.CodingAssignments.Any(a => a.TranscriptId == t.Id && a.CoderId == me));
        var rows = await transcripts.Join(db.Interviews, t => t.InterviewId, i => i.Id, (t, i) => new { t.Id, i.FirmId })
            .Join(db.Firms, x => x.FirmId, f => f.Id, (x, f) => new { TranscriptId = x.Id, FirmId = f.Id, f.NameZh, f.NameEn }).ToListAsync();
        var codes = await db.Terms.AsNoTracking().Active().Where(t => Codebook.Dimensions.Contains(t.Kind) || t.Kind == TermKind.Theme).OrderBy(t => t.Kind).ThenBy(t => t.SortOrder).ToListAsync();
        string Firm(string zh, string? en) => chinese || en is null ? zh : en;
        return new[] { new MemoAbout("Project", "", MemoTarget.Project) }
            .Concat(rows.DistinctBy(r => r.FirmId).OrderBy(r => r.NameZh).Select(r => new MemoAbout($"Firm:{r.FirmId}", Firm(r.NameZh, r.NameEn), MemoTarget.Firm)))
            .Concat(rows.OrderBy(r => r.NameZh).Select(r => new MemoAbout($"Transcript:{r.TranscriptId}", $"{Firm(r.NameZh, r.NameEn)} #{r.TranscriptId}", MemoTarget.Transcript)))
            .Concat(codes.Select(c => new MemoAbout($"Code:{c.Id}", $"{c.Name(chinese)} [{c.Code}]", MemoTarget.Code)))
            .ToList();
    }

    public static string AboutOf(Memo m) => m.Target switch
    {
        MemoTarget.Firm => $"Firm:{m.FirmId}",
        MemoTarget.Transcript => $"Transcript:{m.TranscriptId}",
        MemoTarget.Code => $"Code:{m.TermId}",
        MemoTarget.Passage => "Passage",
        _ => "Project",
    };

    /// <summary>Points <paramref name="memo"/> at <paramref name="about"/>; false when it is not one of <paramref name="allowed"/>.</summary>
    public static bool Aim(Memo memo, string? about, IReadOnlyList<MemoAbout> allowed)
    {
        if (memo.Target == MemoTarget.Passage && about == "Passage") return true;   // imported passage memos keep their links
        var target = allowed.FirstOrDefault(a => a.Value == about);
        if (target is null) return false;
        var id = about!.Contains(':') ? int.Parse(about[(about.IndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        memo.Target = target.Target;
        memo.FirmId = target.Target == MemoTarget.Firm ? id : null;
        memo.TranscriptId = target.Target == MemoTarget.Transcript ? id : null;
        memo.TermId = target.Target == MemoTarget.Code ? id : null;
        return true;
    }
}
