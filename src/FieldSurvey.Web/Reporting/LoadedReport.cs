using FieldSurvey.Core.Reporting;
using FieldSurvey.Core.Study;

namespace FieldSurvey.Web.Reporting;

// The loaded report and its filters live here, below both the report pages and the exports, so neither imports
// the other: Core → Reporting (this folder) → Pages/Reports and Exports.

/// <summary>Which interviews a report counts, a stated filter (issue 18): by default only reviewed and approved ones.</summary>
public enum InterviewFilter
{
    /// <summary>Approved or locked interviews: what a PI has reviewed.</summary>
    Approved = 0,
    /// <summary>Every interview that is not a draft: submitted and returned ones, not yet approved, too.</summary>
    NotDraft = 1,
}

/// <summary>The report's filters, as query-string values of every report link and download.</summary>
public sealed record ReportFilter(string? Park = null, DateOnly? From = null, DateOnly? To = null,
    int? Guide = null, SourceFilter Source = SourceFilter.Both, InterviewFilter Interviews = InterviewFilter.Approved)
{
    public const string ApprovedOnlyText = "approved (and locked) interviews only";
    public const string NotDraftText = "all interviews except drafts (submitted and returned ones, not yet approved, too)";

    /// <summary>The interview filter in words: the string-table key the page and the exports print.</summary>
    public string InterviewsText => Interviews == InterviewFilter.Approved ? ApprovedOnlyText : NotDraftText;

    /// <summary>The source filter in words (string-table key).</summary>
    public string SourceText => Source switch
    {
        SourceFilter.Coded => "Coded passages",
        SourceFilter.PartnerList => "Partner lists",
        SourceFilter.Survey => "Survey answers",
        _ => "Coded passages and partner lists (one relation counted once)",
    };

    public Dictionary<string, string> RouteValues()
    {
        var values = new Dictionary<string, string>();
        if (Park is not null) values["park"] = Park;
        if (From is { } f) values["from"] = f.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (To is { } t) values["to"] = t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (Guide is { } g) values["guide"] = g.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Source != SourceFilter.Both) values["source"] = Source.ToString();
        if (Interviews != InterviewFilter.Approved) values["interviews"] = Interviews.ToString();
        return values;
    }

    /// <summary>The string-table key of <see cref="Describe"/>; its arguments are <see cref="DescribeArgs"/>.</summary>
    public const string DescribeKey = "Park: {0}; interview dates: {1} to {2}; guide version: {3}; sources: {4}; interviews: {5}";

    /// <summary>The filters' arguments; the words among them (all, any, the sources and interviews) are string-table keys.</summary>
    public (string Park, string From, string To, string Guide, string Sources, string Interviews) DescribeArgs() =>
        (Park ?? "all", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "any",
         To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "any",
         Guide?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all", SourceText, InterviewsText);

    /// <summary>The filters in the reader's language, through the string table.</summary>
    public string Describe(Func<string, string> say)
    {
        var a = DescribeArgs();
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, say(DescribeKey), Park ?? say("All"), From is null ? say("any") : a.From,
            To is null ? say("any") : a.To, Guide is null ? say("All") : a.Guide, say(a.Sources), say(a.Interviews));
    }
}

/// <summary>A firm's names and park, for labels.</summary>
public sealed record FirmName(int Id, string NameZh, string? NameEn, string Park)
{
    public string Display => string.IsNullOrWhiteSpace(NameEn) ? NameZh : $"{NameZh} ({NameEn})";
}

/// <summary>A computed report with what the page and the exports need to label it.</summary>
public sealed record LoadedReport(
    Report Report,
    ReportFilter Filter,
    string TitleEn,
    string TitleZh,
    IReadOnlyDictionary<int, FirmName> Firms,
    IReadOnlyDictionary<int, string?> Respondents,
    IReadOnlyDictionary<string, ClassificationJudgement> Judgements,
    IReadOnlyDictionary<string, string> UserNames,
    DateTimeOffset GeneratedAtUtc)
{
    public Label Park(string code) => Report.Input.Parks.First(p => p.Code == code);
    public Label Location(string code) => Report.Input.Locations.FirstOrDefault(l => l.Code == code) ?? new Label(code, code, code);
    public Label Type(string code) => Report.Input.LinkageTypes.FirstOrDefault(l => l.Code == code) ?? new Label(code, code, code);
    public string FirmDisplay(int id) => Firms.TryGetValue(id, out var f) ? f.Display : id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    /// <summary>Labels of the vocabulary's natures of a relation, by code (mentions carry the code).</summary>
    public IReadOnlyList<Label> Natures { get; init; } = [];
    /// <summary>A coded passage's time in the recording (its turn's marker), by segment id; absent for an untimed turn.</summary>
    public IReadOnlyDictionary<int, TimeSpan> PassageTimes { get; init; } = new Dictionary<int, TimeSpan>();
    /// <summary>
    /// The point figures only: Core's resampling for this version is still being computed (off the request, see
    /// Pages/Reports/ReportCache). The presentation says so in place of the uncertainty section.
    /// </summary>
    public bool UncertaintyPending { get; init; }
    /// <summary>The data version the report was computed for (Data/DataVersion).</summary>
    public long Version { get; init; }
    /// <summary>Reads the quotes of the coded passages it shows (the report keeps none; see <see cref="PassageQuotes"/>).</summary>
    public PassageQuotes Quotes { get; init; } = PassageQuotes.None;
    /// <summary>Every park (retired ones too) for the report page's filter, in the study's order.</summary>
    public IReadOnlyList<Label> FilterParks { get; init; } = [];
    /// <summary>The guide versions for the report page's filter: id and "v{number}" with its titles.</summary>
    public IReadOnlyList<(int Id, Label Version)> FilterGuides { get; init; } = [];
    public Label? Nature(string? code) => code is null ? null : Natures.FirstOrDefault(n => n.Code == code) ?? new Label(code, code, code);
    /// <summary>Double-coded transcripts with undecided units (partial or no adjudication): their passages count provisionally.</summary>
    public int NotYetAdjudicated => Report.TranscriptsWith(TranscriptBasis.Partial) + Report.TranscriptsWith(TranscriptBasis.None);
}

