using FieldSurvey.Core.Reporting;
using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Reporting;

/// <summary>
/// The quotes of counted coded passages, read by segment id where the report shows them (the evidence page, the PDF's
/// sample, the passage sheet and CSV, a batch at a time). The kept report holds none: at study size its 200,000 quotes
/// would be most of its memory, and a figure never reads one. Partner-list entries keep their text in the report.
/// </summary>
/// <remarks>
/// A quote is read from the database as it is when shown. A passage edited after its report was computed changes
/// the data version, so the next request gets a new report; an export started just before shows the new wording
/// beside the codes it was counted with, and a passage deleted in between shows no quote.
/// </remarks>
public sealed class PassageQuotes(Func<IReadOnlyCollection<int>, IReadOnlyDictionary<int, string>> read)
{
    /// <summary>How many segment ids one read asks for (one query each, the ids as one parameter).</summary>
    public const int Batch = 2_000;

    /// <summary>No quotes (a report built in memory, as Core's benchmark does).</summary>
    public static readonly PassageQuotes None = new(_ => new Dictionary<int, string>());

    /// <summary>Quotes read through <paramref name="db"/>: valid while that context is.</summary>
    public static PassageQuotes From(FieldSurveyDbContext db) => new(ids => Read(db, ids));

    /// <summary>Quotes read in a scope of their own each time: for a kept report that outlives the request that computed it.</summary>
    public static PassageQuotes From(IServiceScopeFactory scopes) => new(ids =>
    {
        using var scope = scopes.CreateScope();
        return Read(scope.ServiceProvider.GetRequiredService<FieldSurveyDbContext>(), ids);
    });

    /// <summary>The quotes of these segments, by id (a deleted segment is absent).</summary>
    public IReadOnlyDictionary<int, string> Read(IReadOnlyCollection<int> segmentIds) =>
        segmentIds.Count == 0 ? new Dictionary<int, string>() : read(segmentIds);

    /// <summary>The quotes of the coded passages among <paramref name="mentions"/>.</summary>
    public IReadOnlyDictionary<int, string> For(IEnumerable<Mention> mentions) =>
        Read(mentions.Where(m => m.Source == MentionSource.Coded).Select(m => m.EvidenceId).Distinct().ToList());

    /// <summary>A mention's text: a coded passage's quote from <paramref name="quotes"/>, a partner-list entry's own.</summary>
    public static string Text(Mention mention, IReadOnlyDictionary<int, string> quotes) =>
        mention.Source == MentionSource.Coded ? quotes.GetValueOrDefault(mention.EvidenceId) ?? mention.Text : mention.Text;

    // The kept report is the whole study's, whoever reads it (it is computed without a signed-in person), so its quotes
    // are read without the park scope's filters too: the passages are the report's own, already in its figures.
    static Dictionary<int, string> Read(FieldSurveyDbContext db, IReadOnlyCollection<int> ids)
    {
        var list = ids as List<int> ?? [.. ids];
        return db.Segments.IgnoreQueryFilters().AsNoTracking().Where(s => list.Contains(s.Id))
            .Select(s => new { s.Id, s.Quote }).ToDictionary(s => s.Id, s => s.Quote);
    }
}
