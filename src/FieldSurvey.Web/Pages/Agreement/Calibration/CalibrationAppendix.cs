using System.Globalization;
using FieldSurvey.Core.Calibration;
using FieldSurvey.Core.Exports;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Pages.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Agreement.Calibration;

/// <summary>
/// The calibration workbook for a methods appendix (issue 25), kept apart from the study's exports: the tests, each
/// submitted coder's figures against the gold, the gold passages, the trainees' submitted coding and intra-coder
/// agreement. Codes are the vocabulary's codes (stable across languages); headers come from the string table. Coding
/// of tests not yet submitted is left out: it is a draft.
/// </summary>
public static class CalibrationAppendix
{
    public static async Task<IReadOnlyList<ReportTable>> TablesAsync(FieldSurveyDbContext db, IStringLocalizer t, int replicates = 1000)
    {
        var tests = await db.CalibrationTests.AsNoTracking().OrderBy(x => x.CreatedAtUtc).ThenBy(x => x.Id).ToListAsync();
        var takers = await db.CalibrationTakers.AsNoTracking().ToListAsync();
        var gold = await db.CalibrationGold.AsNoTracking().OrderBy(g => g.TestId).ThenBy(g => g.TranscriptId).ThenBy(g => g.Start).ToListAsync();
        var submitted = takers.Where(k => k.SubmittedAtUtc is not null).ToList();
        var submittedKeys = submitted.Select(k => (k.TestId, k.CoderId)).ToHashSet();
        var coding = (await db.CalibrationSegments.AsNoTracking().OrderBy(s => s.TestId).ThenBy(s => s.CoderId).ThenBy(s => s.TranscriptId).ThenBy(s => s.Start).ToListAsync())
            .Where(s => submittedKeys.Contains((s.TestId, s.CoderId))).ToList();
        var coderIds = takers.Select(k => k.CoderId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => coderIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName != "" ? u.DisplayName : u.Email ?? u.Id);
        var terms = await db.Terms.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Code);
        string? Code(int? id) => id is { } x ? terms.GetValueOrDefault(x) : null;
        string Codes(IEnumerable<int> ids) => string.Join("; ", ids.Select(id => terms.GetValueOrDefault(id)).OfType<string>());
        string Title(int id) => tests.FirstOrDefault(x => x.Id == id)?.Title ?? $"#{id}";
        string Name(string id) => names.GetValueOrDefault(id, id);
        static string Date(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + (at is null ? "" : " UTC");
        string Dimension(Core.Agreement.AgreementRow r) => r.Dimension == TermKind.Theme ? r.Code! : t[VocabularyNames.KindName(r.Dimension)];

        var testRows = tests.Select(x => new object?[]
        {
            x.Id, x.Title, Date(x.CreatedAtUtc), x.PassMark, string.Join("; ", x.Dimensions.Select(d => t[VocabularyNames.KindName((TermKind)d)].Value)),
            Codes(x.ThemeIds), x.RetestEveryDays, x.RetestOfId is { } of ? Title(of) : null,
            gold.Count(g => g.TestId == x.Id), gold.Where(g => g.TestId == x.Id).Select(g => g.TranscriptId).Distinct().Count(),
            takers.Count(k => k.TestId == x.Id), submitted.Count(k => k.TestId == x.Id),
        }).ToList();

        var resultRows = new List<object?[]>();
        foreach (var k in submitted.OrderBy(k => k.TestId).ThenBy(k => Name(k.CoderId), StringComparer.Ordinal))
        {
            var test = tests.Single(x => x.Id == k.TestId);
            var result = await db.ScoreAsync(test, k.CoderId, replicates);
            foreach (var r in result.Rows)
                resultRows.Add([test.Title, Name(k.CoderId), Date(k.SubmittedAtUtc), Dimension(r), r.Figures.Units, r.Figures.Percent, r.Figures.Kappa,
                    r.Figures.Alpha, r.Figures.AlphaInterval.Lower, r.Figures.AlphaInterval.Upper,
                    CalibrationScoring.RowPasses(r.Figures, test.PassMark) ? t["passed"].Value : t["not passed"].Value,
                    result.Passed ? t["passed"].Value : t["not passed"].Value]);
        }

        var intraRows = new List<object?[]>();
        foreach (var coder in submitted.Select(k => k.CoderId).Distinct().OrderBy(Name, StringComparer.Ordinal))
            foreach (var p in await db.IntraCoderAsync(coder, replicates))
                foreach (var r in p.Result.Rows)
                    intraRows.Add([Name(coder), Title(p.EarlierTestId), Title(p.LaterTestId), p.TranscriptIds.Count, Dimension(r), r.Figures.Units,
                        r.Figures.Percent, r.Figures.Alpha, r.Figures.AlphaInterval.Lower, r.Figures.AlphaInterval.Upper]);

        Column Text(string header, double width = 16) => new(t[header], ColumnKind.Text, width);
        Column Int(string header) => new(t[header], ColumnKind.Integer, 10);
        Column Share(string header) => new(t[header], ColumnKind.Share, 11);
        Column Index(string header) => new(t[header], ColumnKind.Index, 10);
        Column[] passageColumns = [Text("Test", 24), Int("Transcript"), Int("Start"), Int("End"), Text("Quote", 60), Text("Linkage type"),
            Text("Partner location"), Text("Partner kind"), Text("Nature"), Text("Thematic codes")];
        return
        [
            new(t["Calibration tests"], t["Calibration tests"], [Int("Id"), Text("Title", 28), Text("Created", 18), Index("Pass mark"),
                Text("Dimensions tested", 30), Text("Thematic codes tested", 20), Int("Re-test every (days)"), Text("Re-test of", 24),
                Int("Gold passages"), Int("Transcripts"), Int("Coders"), Int("Submitted")], testRows, "tests"),
            new(t["Calibration results"], t["Calibration results"], [Text("Test", 24), Text("Coder", 20), Text("Submitted", 18),
                Text("Dimension or thematic code", 22), Int("Units"), Share("Percent agreement"), Index("κ"), Index("α"), Index("Lower"), Index("Upper"),
                Text("Row"), Text("Verdict")], resultRows, "results"),
            new(t["Gold standard"], t["Gold standard"], passageColumns,
                gold.Select(g => new object?[] { Title(g.TestId), g.TranscriptId, g.Start, g.End, g.Quote, Code(g.LinkageTypeId), Code(g.PartnerLocationId),
                    Code(g.PartnerKindId), Code(g.NatureId), Codes(g.ThemeIds) }), "gold"),
            new(t["Trainee coding"], t["Trainee coding"], [Text("Coder", 20), .. passageColumns],
                coding.Select(s => new object?[] { Name(s.CoderId), Title(s.TestId), s.TranscriptId, s.Start, s.End, s.Quote, Code(s.LinkageTypeId),
                    Code(s.PartnerLocationId), Code(s.PartnerKindId), Code(s.NatureId), Codes(s.ThemeIds) }), "coding"),
            new(t["Intra-coder agreement"], t["Intra-coder agreement"], [Text("Coder", 20), Text("Earlier test", 24), Text("Later test", 24), Int("Transcripts"),
                Text("Dimension or thematic code", 22), Int("Units"), Share("Percent agreement"), Index("α"), Index("Lower"), Index("Upper")], intraRows, "intra"),
        ];
    }
}
