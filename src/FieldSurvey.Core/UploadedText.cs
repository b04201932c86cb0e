using System.Text;

namespace FieldSurvey.Core;

/// <summary>
/// Decodes an uploaded text file (firm CSV, plain-text transcript): UTF-8 or UTF-16 by their byte-order mark;
/// without one, UTF-8 when the bytes are valid UTF-8, else GB18030 (what Excel and editors on a Chinese Windows
/// write). The check is one way round on purpose: GB18030 Chinese text is practically never valid UTF-8.
/// </summary>
public static class UploadedText
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text and the name of the encoding it was read in ("UTF-8", "UTF-16" or "GB18030").</summary>
    public static (string Text, string EncodingName) Decode(byte[] bytes)
    {
        if (bytes is [0xFF, 0xFE, ..]) return (Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), "UTF-16");
        if (bytes is [0xFE, 0xFF, ..]) return (Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), "UTF-16");
        var start = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        try
        {
            return (StrictUtf8.GetString(bytes, start, bytes.Length - start), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetString(bytes), "GB18030");
        }
    }
}
