using System.Collections.Concurrent;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;

namespace FieldSurvey.Web.Pages.Coding;

/// <summary>
/// The codebook as the annotator offers it (<see cref="SegmentEditing.AnnotatorCodebookAsync"/>), read once per
/// <see cref="DataVersion.OtherChangedAt"/> and kept for every request after. Codes are report inputs, so any change to
/// one (a new code, a rename, a retirement or merge, by SaveChanges or by ExecuteUpdate with its bump) moves
/// OtherChangedAt in its transaction; a coder's segment saves do not, so 20 coders at work do not read it again. A
/// request reads the version (one tiny query): the same version uses the kept codebook, a newer one reads it afresh, so
/// no instance, on one SQLite file or on a shared PostgreSQL, offers codes older than the version it read.
/// </summary>
/// <remarks>Codes are the study's, not a park's: one codebook serves every scope. The kept terms are shared and read only.</remarks>
public sealed class CodebookCache
{
    readonly ConcurrentDictionary<long, Lazy<Task<AnnotatorCodebook>>> kept = new();
    long newest = -1;
    int reads;

    /// <summary>How many times the codebook was read from the database (tests look).</summary>
    public int Reads => Volatile.Read(ref reads);

    public async Task<AnnotatorCodebook> GetAsync(FieldSurveyDbContext db)
    {
        var (_, version) = await db.CurrentDataVersionsAsync();
        var current = NewestVersion.Advance(ref newest, version);
        foreach (var key in kept.Keys)
            if (key < current) kept.TryRemove(key, out _);
        var lazy = kept.GetOrAdd(version, _ => new Lazy<Task<AnnotatorCodebook>>(() => ReadAsync(db)));
        try { return await lazy.Value; }
        catch
        {
            kept.TryRemove(new KeyValuePair<long, Lazy<Task<AnnotatorCodebook>>>(version, lazy)); // a failure is not kept
            throw;
        }
    }

    // Read after the version, so the codes are at least as new as the version they are kept under.
    async Task<AnnotatorCodebook> ReadAsync(FieldSurveyDbContext db)
    {
        Interlocked.Increment(ref reads);
        var (codes, tree) = await SegmentEditing.AnnotatorCodebookAsync(db);
        return new AnnotatorCodebook(codes, tree);
    }
}

/// <summary>The active codes of the coding dimensions, and the thematic codes in tree order.</summary>
public sealed record AnnotatorCodebook(IReadOnlyList<Term> Codes, IReadOnlyList<(Term Term, int Depth)> ThemeTree);
