using FieldSurvey.Core.Interviews;

namespace FieldSurvey.Core.XlsForms;

/// <summary>
/// A guide version as an XLSForm: sections are groups, partner lists are repeats, choice questions select_one /
/// select_multiple with a list named after the question. What XLSForm has no word for is written in extra
/// columns other tools ignore (appearance multiline/split, options_from, parts_from, unit, linkage_type, about_park, not_above), so the
/// file re-imports to the same guide (<see cref="XlsFormImporter"/>).
/// </summary>
public static class XlsFormExporter
{
    public static readonly string[] SurveyColumns =
        ["type", "name", "label::English (en)", "label::Chinese (zh)", "hint::English (en)", "hint::Chinese (zh)", "required", "relevant",
         "constraint", "appearance", "parameters", "options_from", "parts_from", "unit", "linkage_type", "about_park", "not_above"];

    public static IReadOnlyList<XlsTable> Export(Guide guide, int version)
    {
        var survey = new List<XlsRow> { Row(1, SurveyColumns) };
        var choices = new List<XlsRow> { Row(1, ["list_name", "name", "label::English (en)", "label::Chinese (zh)"]) };
        foreach (var section in guide.Sections)
        {
            survey.Add(Row(survey.Count + 1, ["begin group", section.Id, section.TitleEn, section.TitleZh]));
            foreach (var q in section.Questions)
            {
                var (type, appearance, parameters, constraint) = Type(q);
                survey.Add(Row(survey.Count + 1, [type, q.Id, q.TextEn, q.TextZh, q.InstructionEn ?? "", q.InstructionZh ?? "", q.Required ? "yes" : "",
                    q.ShowIf is { } s ? XlsFormExpressions.Relevant(s) : "", constraint ?? "", appearance, parameters,
                    q.Kind == QuestionType.Split ? "" : q.OptionsFrom ?? "", q.PartsFrom ?? "", q.Unit ?? "", q.LinkageType ?? "", q.AboutPark ?? "", q.NotAbove ?? ""]));
                if (q.Kind == QuestionType.Partners) survey.Add(Row(survey.Count + 1, ["end repeat", q.Id]));
                foreach (var o in q.Options ?? []) choices.Add(Row(choices.Count + 1, [q.Id, o.Code, o.En, o.Zh]));
            }
            survey.Add(Row(survey.Count + 1, ["end group", section.Id]));
        }
        var settings = new List<XlsRow>
        {
            Row(1, ["form_title", "form_title::Chinese (zh)", "form_id", "version", "default_language"]),
            Row(2, [guide.TitleEn, guide.TitleZh, "fieldsurvey_guide", version.ToString(System.Globalization.CultureInfo.InvariantCulture), "English (en)"]),
        };
        return [new XlsTable("survey", survey), new XlsTable("choices", choices), new XlsTable("settings", settings)];
    }

    static (string Type, string Appearance, string Parameters, string? Constraint) Type(GuideQuestion q)
    {
        var range = XlsFormExpressions.Constraint(q.Min, q.Max);
        var list = q.Options is { Count: > 0 } ? q.Id : q.OptionsFrom ?? q.Id;
        var other = q.Other ? " or_other" : "";
        return q.Kind switch
        {
            QuestionType.LongText => ("text", "multiline", "", range),
            QuestionType.Single => ($"select_one {list}{other}", "", "", range),
            QuestionType.Multiple => ($"select_multiple {list}{other}", "", "", range),
            QuestionType.Scale => ("range", "", $"start={XlsFormExpressions.Number(q.Min ?? 1)} end={XlsFormExpressions.Number(q.Max ?? 10)} step=1", null),
            QuestionType.Split => (q.Options is { Count: > 0 } ? $"select_multiple {q.Id}" : "text", "split", "", range),
            QuestionType.Partners => ("begin repeat", "", "", range),
            _ => (q.Type, "", "", range),
        };
    }

    static XlsRow Row(int number, string[] cells) => new(number, cells);
}
