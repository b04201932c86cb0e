using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Calls;
using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Firms;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Data;

/// <summary>
/// Park-scoped access, enforced once for the whole app: a global query filter on every entity that belongs
/// to a firm (firms, contacts, calls, interviews, answers, partner lists, transcripts and their revisions,
/// segments, coding assignments, adjudications). For a person limited to some parks
/// (<see cref="ParkScope.AllowedParkIds"/>), a query simply does not find anything of another park's firms:
/// lists leave them out, and a page or handler given such an id finds nothing and answers 404, exactly as
/// for an id that does not exist. A new entity that hangs from a firm adds its filter here.
/// </summary>
/// <remarks>
/// EF reads <see cref="ParkUnscoped"/> and <see cref="ScopedParkIds"/> afresh for every query of this
/// context instance, so one context per request follows the signed-in person. Each filter asks only that its
/// parent be visible: EF applies the parent's own filter to the set inside, and so up to the firm's park
/// (<c>ParkScopeTests</c> checks every entity against the firm's park directly). Spelling out the whole path in each
/// filter instead repeated it once per level, since EF adds the parent's filter anyway: a segment query carried seven
/// copies of the park test, and compiling that SQL (sqlite3_prepare) was the largest cost of the annotator's JSON. Saving is
/// not filtered: a handler must load what it changes (they all do), which the filter then refuses.
/// <c>IgnoreQueryFilters()</c> would switch the scope off: only PI-wide maintenance may use it.
/// </remarks>
public abstract partial class FieldSurveyDbContext
{
    bool ParkUnscoped => CurrentUser.AllowedParkIds() is null;
    List<int> ScopedParkIds => CurrentUser.AllowedParkIds()?.ToList() ?? [];

    /// <summary>
    /// What this context's queries see, as a key: "*" for every park, otherwise the allowed park ids in order. Two
    /// contexts with the same key read the same rows, so something read through one can be kept for the other.
    /// </summary>
    internal string ParkScopeKey => CurrentUser.AllowedParkIds() is { } parks
        ? string.Join(",", parks.Order().Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))) : "*";

    void ApplyParkScope(ModelBuilder b)
    {
        b.Entity<Firm>().HasQueryFilter(f => ParkUnscoped || ScopedParkIds.Contains(f.ParkId));
        // What hangs from a firm: its firm must be visible (the Firms set inside carries the firm's filter).
        b.Entity<Contact>().HasQueryFilter(c => ParkUnscoped || Set<Firm>().Any(f => f.Id == c.FirmId));
        b.Entity<FrameworkSummary>().HasQueryFilter(x => ParkUnscoped || Set<Firm>().Any(f => f.Id == x.FirmId));
        b.Entity<CallAttempt>().HasQueryFilter(a => ParkUnscoped || Set<Firm>().Any(f => f.Id == a.FirmId));
        b.Entity<Interview>().HasQueryFilter(i => ParkUnscoped || Set<Firm>().Any(f => f.Id == i.FirmId));
        // What hangs from an interview: its interview must be visible, and so on up.
        b.Entity<Answer>().HasQueryFilter(a => ParkUnscoped || Set<Interview>().Any(i => i.Id == a.InterviewId));
        b.Entity<PartnerRow>().HasQueryFilter(p => ParkUnscoped || Set<Interview>().Any(i => i.Id == p.InterviewId));
        b.Entity<Transcript>().HasQueryFilter(t => ParkUnscoped || Set<Interview>().Any(i => i.Id == t.InterviewId));
        // Data-quality queries hang from an interview: a park-scoped interviewer sees those of their parks' interviews only.
        b.Entity<DataQuery>().HasQueryFilter(q => ParkUnscoped || Set<Interview>().Any(i => i.Id == q.InterviewId));
        b.Entity<DataQueryEvent>().HasQueryFilter(e => ParkUnscoped || Set<DataQuery>().Any(q => q.Id == e.QueryId));
        b.Entity<TranscriptRevision>().HasQueryFilter(r => ParkUnscoped || Set<Transcript>().Any(t => t.Id == r.TranscriptId));
        b.Entity<Segment>().HasQueryFilter(s => ParkUnscoped || Set<Transcript>().Any(t => t.Id == s.TranscriptId));
        b.Entity<CodingAssignment>().HasQueryFilter(c => ParkUnscoped || Set<Transcript>().Any(t => t.Id == c.TranscriptId));
        b.Entity<AdjudicationDecision>().HasQueryFilter(d => ParkUnscoped || Set<Transcript>().Any(t => t.Id == d.TranscriptId));
    }
}
