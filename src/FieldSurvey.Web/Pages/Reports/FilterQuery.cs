using FieldSurvey.Core.Reporting;
using Microsoft.AspNetCore.Mvc;
using FieldSurvey.Web.Reporting;

namespace FieldSurvey.Web.Pages.Reports;

/// <summary>The report filters as query-string properties, shared by the report pages and downloads.</summary>
public sealed class FilterQuery
{
    [FromQuery(Name = "park")] public string? Park { get; set; }
    [FromQuery(Name = "from")] public DateOnly? From { get; set; }
    [FromQuery(Name = "to")] public DateOnly? To { get; set; }
    [FromQuery(Name = "guide")] public int? Guide { get; set; }
    [FromQuery(Name = "source")] public SourceFilter Source { get; set; }
    [FromQuery(Name = "interviews")] public InterviewFilter Interviews { get; set; }

    public ReportFilter ToFilter() => new(string.IsNullOrWhiteSpace(Park) ? null : Park, From, To, Guide, Source, Interviews);
}
