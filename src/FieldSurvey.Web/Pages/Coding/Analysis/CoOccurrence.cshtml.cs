using FieldSurvey.Core.Coding;
using FieldSurvey.Core.Exports;
using FieldSurvey.Web.Data;
using FieldSurvey.Web.Infrastructure;
using FieldSurvey.Web.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Pages.Coding.Analysis;

/// <summary>
/// Code co-occurrence for PIs and coders (a coder counts the passages they may see). Filters: park and source
/// (transcript); the codes shown are the chosen ones, or every code present in the selection.
/// </summary>
public sealed class CoOccurrenceModel(FieldSurveyDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Park { get; set; }
    [BindProperty(SupportsGet = true)] public int? Source { get; set; }
    [BindProperty(SupportsGet = true)] public CoMeasure Measure { get; set; }
    [BindProperty(SupportsGet = true)] public List<int> Codes { get; set; } = [];
    public ReportTable? Table { get; private set; }
    public CoOccurrenceTable? Result { get; private set; }
    public IReadOnlyList<(string Code, string Name)> Parks { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Sources { get; private set; } = [];
    public IReadOnlyList<AnalysisCode> AllCodes { get; private set; } = [];

    /// <summary>More columns than this do not fit a page; the rest are reached by choosing codes.</summary>
    public const int MaxCodes = 40;

    public async Task OnGetAsync()
    {
        var chinese = DisplayNames.Chinese;
        Parks = (await db.Parks.VisibleTo(User).OrderBy(p => p.SortOrder).ToListAsync()).Select(p => (p.Code, p.Localized())).ToList();
        if (Park is not null && Parks.All(p => p.Code != Park)) Park = null;
        var passages = await AnalysisData.PassagesAsync(db, User, Park);
        Sources = passages.DistinctBy(p => p.Passage.TranscriptId)
            .Select(p => (p.Passage.TranscriptId, $"{DisplayNames.Pick(p.FirmZh, p.FirmEn)} #{p.Passage.TranscriptId}")).ToList();
        if (Source is { } source) passages = passages.Where(p => p.Passage.TranscriptId == source).ToList();
        AllCodes = await AnalysisData.CodesAsync(db);
        var present = passages.SelectMany(p => p.Passage.Codes).ToHashSet();
        var chosen = (Codes.Count > 0 ? AllCodes.Where(c => Codes.Contains(c.Id)) : AllCodes.Where(c => present.Contains(c.Id))).Take(MaxCodes).ToList();
        Result = CoOccurrence.Build(passages.Select(p => p.Passage), chosen.Select(c => c.Id).ToList());
        Table = AnalysisPresentation.CoOccurrence(Result, chosen, Measure, chinese, t, Filter());
    }

    public Dictionary<string, string> Filter()
    {
        var q = new Dictionary<string, string>();
        if (Park is not null) q["Park"] = Park;
        if (Source is { } s) q["Source"] = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return q;
    }
}
