using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FieldSurvey.Core.Interviews;

namespace FieldSurvey.Web.Pages.Interviews;

/// <summary>Reads an uploaded transcript: .txt (UTF-8 with or without BOM, UTF-16 or GB18030) or .docx (its paragraphs).</summary>
public static class TranscriptFiles
{
    public static readonly string[] Extensions = [".txt", ".docx"];

    /// <returns>The text, or null with an English problem message.</returns>
    public static async Task<(string? Text, string? Problem)> ReadAsync(IFormFile file, long maxBytes)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (!Extensions.Contains(extension)) return (null, "Upload a .txt or .docx file.");
        if (file.Length > maxBytes) return (null, "The file is too large.");
        if (file.Length == 0) return (null, "The file is empty.");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        if (extension == ".txt") return (FieldSurvey.Core.UploadedText.Decode(buffer.ToArray()).Text, null);
        try
        {
            buffer.Position = 0;
            using var doc = WordprocessingDocument.Open(buffer, false);
            var body = doc.MainDocumentPart?.Document?.Body;
            if (body is null) return (null, "The Word document has no text.");
            var lines = body.Descendants<Paragraph>().Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text)));
            return (string.Join("\n", lines), null);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            return (null, "This is not a readable Word (.docx) file.");
        }
    }
}
