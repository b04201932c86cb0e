using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Interviews;

/// <summary>
/// The one way a transcript's text changes: the old text is kept as a revision, the new one is stored
/// normalised, and every coded segment (every coder's and the consensus) is re-anchored to it in the
/// same save. Segments whose quote is gone are flagged Lost for their coder, never dropped.
/// </summary>
public static class TranscriptRevising
{
    /// <returns>How many segments moved and how many were lost.</returns>
    public static async Task<(int Moved, int Lost)> ReviseAsync(this FieldSurveyDbContext db, Transcript transcript,
        string text, string? userId, DateTimeOffset now)
    {
        var revised = TranscriptText.Normalize(text);
        if (revised == transcript.Text) return (0, 0);

        db.TranscriptRevisions.Add(new TranscriptRevision
        {
            TranscriptId = transcript.Id, Revision = transcript.Revision, Text = transcript.Text,
            SavedAtUtc = transcript.UpdatedAtUtc, SavedById = transcript.UpdatedById,
        });

        var segments = await db.Segments.Where(s => s.TranscriptId == transcript.Id && s.DeletedAtUtc == null).ToListAsync();
        var placed = Anchoring.Reanchor(transcript.Text, revised, segments.Select(s => new AnchoredSpan(s.Start, s.End, s.Quote)).ToList());
        var moved = 0;
        var lost = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            var (segment, result) = (segments[i], placed[i]);
            if (result.State == AnchorState.Anchored && segment.Anchor != AnchorState.Lost) continue;
            segment.Start = result.Start;
            segment.End = result.End;
            segment.Anchor = result.State;
            segment.UpdatedAtUtc = now;
            if (result.State == AnchorState.Lost) lost++; else moved++;
        }

        transcript.Text = revised;
        transcript.Revision++;
        transcript.UpdatedAtUtc = now;
        transcript.UpdatedById = userId;
        return (moved, lost);
    }
}
