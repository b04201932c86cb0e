using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Coding;

/// <summary>The thematic codebook as the codebook pages show it: the snapshot's theme entries with passage counts.</summary>
public sealed record ThemeTreeView(IReadOnlyList<Core.Coding.CodebookEntry> Entries, IReadOnlyDictionary<string, int>? Counts,
    IReadOnlyDictionary<string, int>? AdminIds);

public static class ThemeCounts
{
    /// <summary>Theme code → number of live coded passages that carry it directly (consensus and coders' alike).</summary>
    public static async Task<IReadOnlyDictionary<string, int>> CountsAsync(FieldSurveyDbContext db) =>
        await (from st in db.SegmentThemes
               join s in db.Segments on st.SegmentId equals s.Id
               join t in db.Terms on st.TermId equals t.Id
               where s.DeletedAtUtc == null && t.Kind == TermKind.Theme
               group st by t.Code into g
               select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
}
