namespace FieldSurvey.Core.XlsForms;

/// <summary>One worksheet as text cells: the first row is the header. Row numbers are the sheet's own (1-based).</summary>
public sealed record XlsTable(string Name, IReadOnlyList<XlsRow> Rows);

public sealed record XlsRow(int Number, IReadOnlyList<string> Cells)
{
    public string Cell(int column) => column >= 0 && column < Cells.Count ? Cells[column].Trim() : "";
    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// A problem or a construct the guide cannot hold, where it is: sheet, row and column (a letter and its header),
/// with an English message template and its arguments (the page translates it).
/// </summary>
public sealed record XlsFormIssue(string Sheet, int Row, string? Column, string Message, params object[] Args);

public sealed record XlsFormImport(Interviews.Guide? Guide, IReadOnlyList<XlsFormIssue> Errors, IReadOnlyList<XlsFormIssue> NotImported)
{
    public bool Ok => Guide is not null && Errors.Count == 0;
}

public static class XlsColumns
{
    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string Letter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }
}
