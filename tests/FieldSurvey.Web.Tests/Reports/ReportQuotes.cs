using FieldSurvey.Core.Reporting;
using FieldSurvey.Web.Reporting;

namespace FieldSurvey.Tests.Reports;

/// <summary>A counted mention's quote as the report shows it: the kept report holds none and reads each by segment id.</summary>
static class ReportQuotes
{
    public static string QuoteOf(LoadedReport report, Mention mention) => PassageQuotes.Text(mention, report.Quotes.For([mention]));
}
