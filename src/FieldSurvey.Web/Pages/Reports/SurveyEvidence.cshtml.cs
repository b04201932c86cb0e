using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Reporting;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Pages.Interviews;
using FieldSurvey.Web.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Web.Pages.Reports;

/// <summary>
/// The firms' answers behind one survey figure of the report (C3, C4, D2/D3, E3 or F1–F3 for a set of parks): the same
/// answers the figure counts (<see cref="SurveyIndicators.Behind"/>), as the evidence page lists a cell's passages.
/// </summary>
public sealed class SurveyEvidenceModel(FieldSurveyDbContext db, TimeProvider clock, ReportCache reports) : PageModel
{
    [BindProperty(SupportsGet = true)] public FilterQuery Query { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Set { get; set; }
    [BindProperty(SupportsGet = true)] public SurveyFigure? Figure { get; set; }
    public LoadedReport Data { get; private set; } = null!;
    public ResolvedGuide? Guide { get; private set; }
    public IReadOnlyList<SurveyAnswer> Answers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Figure is not { } figure || Set is null) return NotFound();
        Data = await reports.GetAsync(db, Query.ToFilter(), clock.GetUtcNow(), ct);
        var rep = Data.Report;
        IReadOnlyList<string>? parks = Set == Indicators.All ? rep.ParkCodes : rep.Pairs.FirstOrDefault(p => p.Key == Set)?.Parks;
        if (parks is null) return NotFound();
        // The kept report is the whole study's; what this person may see of firms is the request's park scope.
        var behind = SurveyIndicators.Behind(figure, parks, rep.Input.Answers, rep.Input.RelationQuestions);
        var firmIds = behind.Select(a => a.FirmId).Distinct().ToList();
        var visible = (await db.Firms.AsNoTracking().Where(f => firmIds.Contains(f.Id)).Select(f => f.Id).ToListAsync(ct)).ToHashSet();
        Answers = behind.Where(a => visible.Contains(a.FirmId)).ToList();
        var latest = await db.GuideVersions.AsNoTracking().OrderByDescending(g => g.Number).Select(g => (int?)g.Id).FirstOrDefaultAsync(ct);
        if (latest is { } id) Guide = await db.ResolveGuideAsync(id);
        return Page();
    }

    /// <summary>The question's text in the reader's language (the latest guide's wording), or its id.</summary>
    public string QuestionText(string id, bool chinese) => Guide?.Guide.Find(id) is { } q ? $"{id} {(chinese ? q.TextZh : q.TextEn)}" : id;

    /// <summary>The answer as the interview review shows it (option labels, split parts with %).</summary>
    public string AnswerText(SurveyAnswer a, bool chinese) => Guide?.Guide.Find(a.QuestionId) is { } q ? Guide.Describe(q, a.Value, chinese) : a.Value ?? "";

    public static string FigureKey(SurveyFigure f) => f switch
    {
        SurveyFigure.Inputs => "C3: inputs bought from the other parks",
        SurveyFigure.Sales => "C4: sales made to the other parks",
        SurveyFigure.Mobility => "D2/D3: hires from and departures to the other parks",
        SurveyFigure.Contact => "E3: how often the firm talks to firms in the other parks",
        _ => "F1–F3: are the other park's firms partners, competitors, both or neither?",
    };
}
