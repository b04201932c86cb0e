using System.Text;

namespace FieldSurvey.Core.Interviews;

/// <summary>The one form transcripts are stored in: Unicode NFC with "\n" line ends, no trailing blanks.</summary>
public static class TranscriptText
{
    /// <summary>Longest transcript accepted, pasted or read from a file (UTF-16 characters; a long interview is about 100,000).</summary>
    public const int MaxLength = 2_000_000;

    public static string Normalize(string text) =>
        text.Replace("\r\n", "\n").Replace('\r', '\n').Normalize(NormalizationForm.FormC).TrimEnd();
}
