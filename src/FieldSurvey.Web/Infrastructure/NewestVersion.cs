namespace FieldSurvey.Web.Infrastructure;

/// <summary>
/// The newest data version a cache has seen, moved forward only, whatever the order concurrent requests report theirs
/// in. The caches kept per version (reports, call lists, the annotator's codebook) drop every key below it.
/// </summary>
public static class NewestVersion
{
    /// <summary>Raises <paramref name="newest"/> to <paramref name="version"/> if it is lower; returns the newest after.</summary>
    public static long Advance(ref long newest, long version)
    {
        var seen = Interlocked.Read(ref newest);
        while (version > seen)
        {
            var was = Interlocked.CompareExchange(ref newest, version, seen);
            if (was == seen) return version;
            seen = was;
        }
        return seen;
    }
}
