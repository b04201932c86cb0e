using FieldSurvey.Core.Exports;
using FieldSurvey.Core.Reporting;

namespace FieldSurvey.Web.Reporting;

/// <summary>
/// The survey answers as a source (C3/C4, D2/D3, E3, F1–F3): the full table of the uncertainty section and, when the
/// reader chose "survey answers" as the source, a summary per pair of parks near the top. Every figure links to the
/// firms' answers behind it (Pages/Reports/SurveyEvidence).
/// </summary>
public static class SurveySection
{
    /// <summary>The page that lists the answers behind a survey figure.</summary>
    public const string EvidencePage = "/Reports/SurveyEvidence";

    public const string Note = "Survey answers: C3 and C4 give the share of a firm's inputs bought from and of its sales made to the other parks, averaged over firms (firm-weighted) and weighted by employees (A2); D2 and D3 count hires from and departures to firms in the other parks in the last three years, and E3 how often the firm talks to firms in the other parks (both questions ask about both other parks, so a pair's figure includes the third park); E3's share is the firms that talk to them monthly or more often. F1–F3 ask whether one other park's firms are partners, competitors, both or neither (one answer per firm and other park; which park each question asks about is set in the interview guide, aboutPark).";

    public const string PairsNote = "Sources: survey answers. No coded passage or partner-list row is counted, so the matrices, the mention shares and the rule's verdict below have no evidence; these are the survey's indicators per pair of parks, and the triangulation table sets them beside the other two sources.";

    /// <summary>A survey figure as a link to the answers behind it.</summary>
    public static Cell Link(LoadedReport r, string set, SurveyFigure figure, object? value, string testId)
    {
        var values = r.Filter.RouteValues();
        values["set"] = set;
        values["figure"] = figure.ToString();
        return new Cell(value, testId, values) { EvidencePage = EvidencePage };
    }

    public static string AnswerKey(string code) => code switch
    {
        SurveyQuestions.Partners => "partners", SurveyQuestions.Competitors => "competitors", SurveyQuestions.Both => "both", _ => "neither",
    };

    public static ReportTable Survey(LoadedReport r, ReportFormat f)
    {
        var rows = new List<object?[]>();
        foreach (var s in r.Report.Survey)
        {
            var set = f.SetName(s.Key);
            Cell Named(string label, SurveyFigure figure) => Link(r, s.Key, figure, label, $"survey-{s.Key}-{figure}");
            void Split(string label, SurveyFigure figure, SplitIndicator x)
            {
                rows.Add([set, Named(label, figure), x.FirmWeighted, ReportFormat.Range(x.Interval), x.EmployeeWeighted, x.Firms, x.EmployeeFirms]);
                rows.Add([set, label + " — " + f.Say("÷ (own park + other parks)"), x.CrossShare, null, null, x.Firms, null]);
            }
            Split(f.Say("C3: inputs bought from the other parks"), SurveyFigure.Inputs, s.Inputs);
            Split(f.Say("C4: sales made to the other parks"), SurveyFigure.Sales, s.Sales);
            var m = s.Mobility;
            rows.Add([set, Named(f.Say("D2/D3: firms with a hire from or a departure to the other parks (hires {0}, departures {1})", ReportFormat.N(m.Hires), ReportFormat.N(m.Departures)), SurveyFigure.Mobility),
                m.Share, ReportFormat.Range(m.Interval), null, m.Firms, null]);
            var c = s.Contact;
            rows.Add([set, Named(f.Say("E3: firms that talk to firms in the other parks monthly or more often (weekly {0}, monthly {1}, a few times a year {2}, never {3})",
                ReportFormat.N(c.Weekly), ReportFormat.N(c.Monthly), ReportFormat.N(c.Yearly), ReportFormat.N(c.Never)), SurveyFigure.Contact),
                c.Share, ReportFormat.Range(c.Interval), null, c.Firms, null]);
            foreach (var code in new[] { SurveyQuestions.Partners, SurveyQuestions.Competitors, SurveyQuestions.Both, SurveyQuestions.Neither })
                rows.Add([set, Named(f.Say("F1–F3: the other park's firms are {0}", f.Say(AnswerKey(code))), SurveyFigure.Relations), s.Relations.Share(code),
                    ReportFormat.Range(s.Relations.Interval(code)), null, s.Relations.Answers, null]);
        }
        return new("Survey answers", f.Say("Survey answers as a third source (C3/C4, D2/D3, E3, F1–F3)"),
            [new(f.Say("Parks"), Width: 16), new(f.Say("Indicator"), Width: 50), new(f.Say("Firm-weighted"), ColumnKind.Share),
             new(f.Say("95 % interval"), Width: 18), new(f.Say("Employee-weighted"), ColumnKind.Share), new(f.Say("Firms (answers)"), ColumnKind.Integer, 10),
             new(f.Say("Firms with employees (A2)"), ColumnKind.Integer, 10)], rows);
    }

    /// <summary>With "survey answers" as the source: one row per set of parks, each figure with its n and a link to its answers.</summary>
    public static ReportSection Pairs(LoadedReport r, ReportFormat f)
    {
        string WithN(double share, int n) => $"{ReportFormat.Pct(share)} (n {ReportFormat.N(n)})";
        var rows = r.Report.Survey.Select(s => new object?[]
        {
            f.SetName(s.Key),
            Link(r, s.Key, SurveyFigure.Inputs, WithN(s.Inputs.CrossShare, s.Inputs.Firms), $"survey-pair-{s.Key}-Inputs"),
            Link(r, s.Key, SurveyFigure.Sales, WithN(s.Sales.CrossShare, s.Sales.Firms), $"survey-pair-{s.Key}-Sales"),
            Link(r, s.Key, SurveyFigure.Mobility, WithN(s.Mobility.Share, s.Mobility.Firms), $"survey-pair-{s.Key}-Mobility"),
            Link(r, s.Key, SurveyFigure.Contact, WithN(s.Contact.Share, s.Contact.Firms), $"survey-pair-{s.Key}-Contact"),
            Link(r, s.Key, SurveyFigure.Relations, WithN(s.Relations.Share(SurveyQuestions.Partners) + s.Relations.Share(SurveyQuestions.Both), s.Relations.Answers), $"survey-pair-{s.Key}-Partners"),
            Link(r, s.Key, SurveyFigure.Relations, WithN(s.Relations.Share(SurveyQuestions.Competitors) + s.Relations.Share(SurveyQuestions.Both), s.Relations.Answers), $"survey-pair-{s.Key}-Competitors"),
        }).ToList();
        return new("survey-pairs", f.Say("Survey answers per pair of parks"),
        [
            new TextBlock(f.Say(PairsNote), Note: true, TestId: "survey-pairs-note"),
            new TableBlock(new ReportTable(f.Say("Survey by pair"), f.Say("Survey answers per pair of parks"),
                [new(f.Say("Parks"), Width: 16), new(f.Say("C3: inputs from the other parks ÷ (own + other parks)"), Width: 18),
                 new(f.Say("C4: sales to the other parks ÷ (own + other parks)"), Width: 18), new(f.Say("D2/D3: firms with a hire or departure"), Width: 18),
                 new(f.Say("E3: firms in contact monthly or more"), Width: 18), new(f.Say("F1–F3: partners (incl. both)"), Width: 18),
                 new(f.Say("F1–F3: competitors (incl. both)"), Width: 18)], rows, "survey-by-pair")),
        ]);
    }
}
