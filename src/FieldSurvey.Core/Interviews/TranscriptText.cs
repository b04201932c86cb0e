using System.Text;

namespace FieldSurvey.Core.Interviews;

/// <summary>The one form transcripts are stored in: Unicode NFC with "\n" line ends, no trailing blanks.</summary>
public static class TranscriptText
{
    public static string Normalize(string text) =>
        text.Replace("\r\n", "\n").Replace('\r', '\n').Normalize(NormalizationForm.FormC).TrimEnd();
}
