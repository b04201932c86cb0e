namespace FieldSurvey.Core.Exports;

/// <summary>
/// Defence against spreadsheet formula injection (OWASP "CSV injection"): user text that a spreadsheet
/// would read as a formula (starting with = + - @, tab or carriage return) is prefixed with an apostrophe,
/// so Excel, LibreOffice and R show it as the text it is. Every CSV and workbook cell of user text goes
/// through <see cref="Safe"/>; numbers written as numbers are not user text and need no escape.
/// </summary>
public static class SpreadsheetText
{
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        return text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
