using System.Text;

namespace FieldSurvey.Core.Firms;

/// <summary>
/// Decodes an uploaded CSV: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030
/// (what Excel on a Chinese Windows writes as "CSV"). GB18030 needs the code-pages provider registered
/// (Program.cs does it). Valid UTF-8 is almost never valid-looking GB18030 Chinese by accident, and the
/// reverse check is the reliable one: GB18030 Chinese text is practically never valid UTF-8.
/// </summary>
public static class ImportText
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (string Text, string EncodingName) Decode(byte[] bytes)
    {
        var start = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        try
        {
            return (StrictUtf8.GetString(bytes, start, bytes.Length - start), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding("GB18030").GetString(bytes), "GB18030");
        }
    }
}
