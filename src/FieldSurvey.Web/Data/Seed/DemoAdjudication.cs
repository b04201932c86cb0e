using FieldSurvey.Core.Agreement;
using FieldSurvey.Web.Pages.Agreement;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Data.Seed;

/// <summary>
/// The demo PI's adjudications (demo/adjudications.csv: firm, quote, accept = a coder's e-mail or "reject", note),
/// made the way Pages/Agreement/Adjudicate makes them: the same units (default matching rule), the same Core
/// <see cref="Adjudication.Decide"/>, the same decision rows and consensus segments. A unit where the coders
/// agree is accepted without a row; a disagreement without a row is an error in the files.
/// </summary>
public static class DemoAdjudication
{
    public static async Task LoadAsync(FieldSurveyDbContext db, IReadOnlyList<Dictionary<string, string>> rows,
        IReadOnlyDictionary<string, int> transcriptByFirm, IReadOnlyDictionary<string, string> userIds, string piId, DateTimeOffset now)
    {
        foreach (var firm in rows.Select(r => r["firm"]).Distinct())
        {
            var transcriptId = transcriptByFirm[firm];
            var pair = (await db.PairsAsync(includeUnfinished: false, transcriptId)).Single();
            var units = (await db.UnitsAsync([pair], MatchRule.Default)).Single().Units;
            var segments = await db.Segments.Where(s => s.TranscriptId == transcriptId).ToDictionaryAsync(s => s.Id);
            var text = await db.Transcripts.Where(t => t.Id == transcriptId).Select(t => t.Text).SingleAsync();
            var mine = rows.Where(r => r["firm"] == firm).ToList();
            var decided = new List<(AdjudicationDecision Decision, Core.Coding.Segment? Consensus)>();
            foreach (var unit in units)
            {
                var a = unit.A is null ? null : segments[unit.A.SegmentId];
                var b = unit.B is null ? null : segments[unit.B.SegmentId];
                var row = mine.FirstOrDefault(r => r["quote"] == a?.Quote || r["quote"] == b?.Quote);
                if (row is null && unit.Disagrees)
                    throw new InvalidDataException($"Demo adjudication: no decision for a disagreement in {firm}: {(a ?? b)!.Quote}");
                var kind = row is null ? DecisionKind.AcceptA
                    : row["accept"] == "reject" ? DecisionKind.Reject
                    : userIds[row["accept"]] == pair.CoderAId ? DecisionKind.AcceptA : DecisionKind.AcceptB;
                var note = row?.Opt("note");
                var result = Adjudication.Decide(text, a, b, new Decision(kind, Note: note), now);
                if (!result.Ok) throw new InvalidDataException($"Demo adjudication in {firm}: {string.Join("; ", result.Problems)}");
                if (result.Consensus is { } consensus) db.Segments.Add(consensus);
                var decision = new AdjudicationDecision
                {
                    TranscriptId = transcriptId, SegmentAId = a?.Id, SegmentBId = b?.Id, UnitKey = AdjudicationDecision.KeyOf(a?.Id, b?.Id),
                    Kind = kind, Note = note, DecidedById = piId, DecidedAtUtc = now,
                };
                db.AdjudicationDecisions.Add(decision);
                decided.Add((decision, result.Consensus));
            }
            await db.SaveChangesAsync();
            foreach (var (decision, consensus) in decided) decision.ConsensusSegmentId = consensus?.Id;
            await db.SaveChangesAsync();
        }
    }
}
