using FieldSurvey.Core.Agreement;
using FieldSurvey.Core.Calibration;
using FieldSurvey.Core.Study;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Pages.Admin;
using FieldSurvey.Web.Pages.Agreement.Calibration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Coding.Calibration;

/// <summary>One coder's result as the results page shows it: Core's figures per tested row, then passage by passage against the gold.</summary>
public sealed record TakerResult(string CoderId, string Name, DateTimeOffset? SubmittedAtUtc, bool Passed, UnitizingRow? Found,
    IReadOnlyList<FigureRow> Rows, IReadOnlyList<PassageRow> Passages);

public sealed record FigureRow(string Label, AgreementFigures Figures, bool Passed);

/// <summary>A unit: the gold passage, the coder's, or both; <see cref="Status"/> is an English key (missed, added, different, same).</summary>
public sealed record PassageRow(int Transcript, int Start, int End, string Quote, string Status, IReadOnlyList<CodeComparison> Codes);

/// <summary>One tested dimension or thematic code on a unit: the gold's code with its codebook definition, and the coder's.</summary>
public sealed record CodeComparison(string Dimension, string? Gold, string? Coder, string? Definition, bool Same);

public static class CalibrationResults
{
    public const string Missed = "Missed: in the gold standard only";
    public const string Added = "Added: not in the gold standard";
    public const string Different = "Coded differently";
    public const string Same = "Same as the gold standard";

    /// <summary>The result of a coder who submitted (scored by Core on the agreement page's units); unsubmitted coders get no figures.</summary>
    public static async Task<TakerResult> BuildAsync(FieldSurveyDbContext db, CalibrationTest test, CalibrationTaker taker, string name,
        IStringLocalizer t, bool chinese)
    {
        if (taker.SubmittedAtUtc is null) return new TakerResult(taker.CoderId, name, null, false, null, [], []);
        var result = await db.ScoreAsync(test, taker.CoderId);
        var terms = (await db.Terms.AsNoTracking().Where(x => x.Kind <= TermKind.Nature || x.Kind == TermKind.Theme).ToListAsync())
            .GroupBy(x => (x.Kind, x.Code)).ToDictionary(g => g.Key, g => g.First());
        Term? Term(TermKind kind, string? code) => code is null ? null : terms.GetValueOrDefault((kind, code));
        string? Name(TermKind kind, string? code) => code is null ? null : Term(kind, code)?.Name(chinese) ?? code;
        string? Definition(TermKind kind, string? code) => Term(kind, code) is { } x ? (chinese ? x.DefinitionZh ?? x.DefinitionEn : x.DefinitionEn ?? x.DefinitionZh) : null;

        var rows = result.Rows.Select(r => new FigureRow(r.Dimension == TermKind.Theme ? Name(TermKind.Theme, r.Code)! : t[VocabularyNames.KindName(r.Dimension)],
            r.Figures, CalibrationScoring.RowPasses(r.Figures, test.PassMark))).ToList();
        var dimensions = test.Dimensions.Select(d => (TermKind)d).Order().ToList();
        var themes = test.ThemeIds.Select(id => terms.Values.FirstOrDefault(x => x.Id == id)).OfType<Term>().ToList();
        var transcriptIds = result.Units.Select(u => u.TranscriptId).ToList();
        var texts = await db.Transcripts.AsNoTracking().Where(x => transcriptIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Text);
        var passages = new List<PassageRow>();
        foreach (var (pair, number) in result.Units.Select((p, i) => (p, i + 1)))
        {
            var text = texts.GetValueOrDefault(pair.TranscriptId) ?? "";
            foreach (var unit in pair.Units.OrderBy(u => u.Start))
            {
                var codes = dimensions.Select(d => Compare(t[VocabularyNames.KindName(d)], Name(d, unit.A?.Code(d)), Name(d, unit.B?.Code(d)), Definition(d, unit.A?.Code(d))))
                    .Concat(themes.Select(x => Compare(x.Name(chinese), unit.A?.Themes.Contains(x.Code) == true ? t["Yes"] : t["No"],
                        unit.B?.Themes.Contains(x.Code) == true ? t["Yes"] : t["No"], Definition(TermKind.Theme, x.Code))))
                    .ToList();
                var status = unit.B is null ? Missed : unit.A is null ? Added : codes.All(c => c.Same) ? Same : Different;
                var start = Math.Clamp(unit.Start, 0, text.Length);
                passages.Add(new PassageRow(number, unit.Start, unit.End, text[start..Math.Clamp(unit.End, start, text.Length)], status, codes));
            }
        }
        return new TakerResult(taker.CoderId, name, taker.SubmittedAtUtc, result.Passed, result.Found, rows, passages);
    }

    static CodeComparison Compare(string dimension, string? gold, string? coder, string? definition) =>
        new(dimension, gold, coder, definition, gold == coder);
}
