using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Web.Reporting;

namespace FieldSurvey.Web.Pages.Reports;

/// <summary>
/// One coded segment as the report reads it: its codes, without its quote. Quotes are most of a segment's bytes and
/// the report shows few of them; <see cref="Reporting.PassageQuotes"/> reads those it shows, by segment id.
/// </summary>
public sealed record SegmentRow(int Id, int TranscriptId, string? CoderId, bool IsConsensus,
    int? LinkageTypeId, int? PartnerLocationId, int? NatureId, string? PartnerName, int Start)
{
    /// <summary>
    /// One shared instance per coder id (string.Intern: a study has a few dozen coders), not one string per row read:
    /// 200,000 segments would otherwise keep 200,000 copies of a handful of ids.
    /// </summary>
    public static string? Shared(string? coderId) => coderId is null ? null : string.Intern(coderId);
}

/// <summary>A counted transcript: its live segments (id order), the mentions the counting rule makes of them, its basis and passage times.</summary>
public sealed record TranscriptPart(int TranscriptId, int InterviewId, IReadOnlyList<SegmentRow> Segments, IReadOnlyList<Mention> Mentions,
    TranscriptBasis Basis, IReadOnlyList<KeyValuePair<int, TimeSpan>> Times);

/// <summary>
/// What <see cref="ReportData.ReadAsync"/> read for one filter, kept beside the computed report (<see cref="ReportCache"/>)
/// so that a version that changed only segments is computed from it and the changed segments
/// (<see cref="ReportData.PatchAsync"/>) instead of reading 200,000 segments again.
/// </summary>
/// <param name="Input">Core's input without the mentions and transcript counts (<see cref="ReportData.Compute"/> adds them).</param>
/// <param name="Labels">The report's labels (firms, respondents, judgements, filter lists); its Report is set by Compute.</param>
/// <param name="Parts">The counted transcripts in id order; <paramref name="PartAt"/> finds one by transcript id.</param>
/// <param name="Listed">The partner-list rows' mentions.</param>
public sealed record ReportSource(ReportInput Input, LoadedReport Labels, IReadOnlyList<TranscriptPart> Parts,
    IReadOnlyDictionary<int, int> PartAt, IReadOnlyList<Mention> Listed, TranscriptCounter Counter);

/// <summary>Turns one transcript's segments into counted mentions (Core's counting rule), with what was read for every transcript.</summary>
public sealed class TranscriptCounter(
    Func<int, int, int, int?, int?, int?, MentionSource, int, string, string?, string?, Mention?> mention,
    Func<int, (int FirmId, int ParkId)> interviewOf,
    IReadOnlyDictionary<int, IReadOnlyList<Turn>> turns,
    ILookup<int, string> assignments,
    ILookup<int, UnitDecisionRef> decisions,
    IReadOnlyDictionary<string, string> users)
{
    public TranscriptPart Count(int transcriptId, int interviewId, IReadOnlyList<SegmentRow> segments)
    {
        var count = CountingRule.Count(segments.Select(s => new CodedSegmentRef(s.Id, s.CoderId, s.IsConsensus)).ToList(),
            assignments[transcriptId].ToList(), decisions[transcriptId].ToList());
        var provisional = count.Counted.ToDictionary(c => c.Id, c => c.Provisional);
        var (firmId, parkId) = interviewOf(interviewId);
        var mentions = new List<Mention>();
        var times = new List<KeyValuePair<int, TimeSpan>>();
        turns.TryGetValue(transcriptId, out var timed);
        // A coded mention's text stays empty: its quote is read by segment id where it is shown (PassageQuotes).
        foreach (var s in segments.Where(s => provisional.ContainsKey(s.Id)))
            if (mention(firmId, parkId, interviewId, s.LinkageTypeId, s.PartnerLocationId, s.NatureId, MentionSource.Coded, s.Id, string.Empty,
                    s.CoderId is null ? "consensus" : users.GetValueOrDefault(s.CoderId), s.PartnerName) is { } m)
            {
                mentions.Add(provisional[s.Id] ? m with { Provisional = true } : m);
                if (timed is not null && TurnTimes.AtOffset(timed, s.Start) is { } at) times.Add(new(s.Id, at));
            }
        return new TranscriptPart(transcriptId, interviewId, segments, mentions, count.Basis, times);
    }
}
