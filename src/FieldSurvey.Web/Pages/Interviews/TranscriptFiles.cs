using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FieldSurvey.Core;
using FieldSurvey.Core.Interviews;

namespace FieldSurvey.Web.Pages.Interviews;

/// <summary>Reads an uploaded transcript: .txt, .srt or .vtt (UTF-8 with or without BOM, UTF-16 or GB18030) or .docx (its paragraphs).</summary>
public static class TranscriptFiles
{
    public static readonly string[] Extensions = [".txt", ".docx", ".srt", ".vtt"];

    /// <returns>The text, or null with an English problem message ({0}: <see cref="TranscriptText.MaxLength"/>).</returns>
    public static async Task<(string? Text, string? Problem)> ReadAsync(IFormFile file, long maxBytes)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (!Extensions.Contains(extension)) return (null, "Upload a .txt, .docx, .srt or .vtt file.");
        if (file.Length > maxBytes) return (null, "The file is too large.");
        if (file.Length == 0) return (null, "The file is empty.");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        var text = extension != ".docx" ? UploadedText.Decode(buffer.ToArray()).Text : null;
        if (extension == ".docx")
        {
            buffer.Position = 0;
            switch (UploadedArchive.Check(buffer, ArchiveLimits.Word))
            {
                case ArchiveCheck.NotAnArchive: return (null, "This is not a readable Word (.docx) file.");
                case ArchiveCheck.TooLarge: return (null, "The Word document unpacks to more than FieldSurvey reads; nothing was saved.");
            }
            try
            {
                using var doc = WordprocessingDocument.Open(buffer, false);
                var body = doc.MainDocumentPart?.Document?.Body;
                if (body is null) return (null, "The Word document has no text.");
                text = string.Join("\n", body.Descendants<Paragraph>().Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text))));
            }
            // XmlException: a part with a DTD, which the Open XML SDK prohibits (entity expansion).
            catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or XmlException)
            {
                return (null, "This is not a readable Word (.docx) file.");
            }
        }
        return text!.Length > TranscriptText.MaxLength ? (null, "The transcript is longer than {0} characters.") : (text, null);
    }

    /// <summary>The English sentence for a <see cref="TimedTranscripts"/> problem code; the page prefixes its line.</summary>
    public static string Describe(TimedTextProblem problem) => problem.Code switch
    {
        TimedTranscripts.BadTiming => "The cue's time cannot be read (write it as 00:01:05,250 --> 00:01:08,000).",
        TimedTranscripts.NoCues => "The file has no cues with times.",
        TimedTranscripts.NotVtt => "A WebVTT file starts with the line WEBVTT.",
        _ => "This time marker is not a valid time (write it as [00:01:05]).",
    };
}
