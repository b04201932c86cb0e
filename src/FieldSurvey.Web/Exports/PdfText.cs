using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace FieldSurvey.Web.Exports;

/// <summary>
/// Fonts for PDFsharp, shipped with the app (Exports/Fonts, embedded resources): DejaVu Sans for Latin and
/// Droid Sans Fallback for Chinese. Droid Sans Fallback has no Latin glyphs and .ttc collections do not load,
/// so every string is split into runs and each run is drawn in the font that has its glyphs.
/// </summary>
public sealed class ReportFontResolver : IFontResolver
{
    public const string Latin = "DejaVu Sans", Cjk = "Droid Sans Fallback";
    static readonly object Gate = new();
    static bool installed;

    /// <summary>Installs the resolver once per process (PDFsharp refuses a second one).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (installed) return;
            if (GlobalFontSettings.FontResolver is not ReportFontResolver) GlobalFontSettings.FontResolver = new ReportFontResolver();
            installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => familyName switch
    {
        Cjk => new FontResolverInfo("DroidSansFallbackFull"),
        _ => new FontResolverInfo(bold ? "DejaVuSans-Bold" : "DejaVuSans"),
    };

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(ReportFontResolver).Assembly.GetManifestResourceStream($"FieldSurvey.Fonts.{faceName}.ttf");
        if (stream is null) return null;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>Mixed Chinese/Latin text: measuring, wrapping and drawing run by run.</summary>
public sealed class PdfText
{
    readonly Dictionary<(double, bool, bool), XFont> fonts = [];

    public XFont Font(double size, bool bold, bool cjk)
    {
        if (!fonts.TryGetValue((size, bold, cjk), out var font))
            fonts[(size, bold, cjk)] = font = new XFont(cjk ? ReportFontResolver.Cjk : ReportFontResolver.Latin, size,
                bold && !cjk ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
        return font;
    }

    public static bool IsCjk(int codePoint) => codePoint is (>= 0x2E80 and <= 0x9FFF) or (>= 0xAC00 and <= 0xD7AF)
        or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFFEF) or >= 0x20000;

    /// <summary>Tokens: one CJK character, a run of other non-space characters, or one space.</summary>
    static IEnumerable<(string Text, bool Cjk)> Tokens(string text)
    {
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            var s = rune.ToString();
            if (IsCjk(rune.Value) || rune.Value == ' ')
            {
                if (word.Length > 0) { yield return (word.ToString(), false); word.Clear(); }
                yield return (s, IsCjk(rune.Value));
            }
            else word.Append(s);
        }
        if (word.Length > 0) yield return (word.ToString(), false);
    }

    public double Width(XGraphics g, string text, double size, bool bold = false) =>
        Tokens(text).Sum(t => g.MeasureString(t.Text, Font(size, bold, t.Cjk)).Width);

    /// <summary>Lines of runs that fit <paramref name="width"/>; newlines break lines. Consecutive tokens of one font merge into one run.</summary>
    public List<List<(string Text, bool Cjk)>> Wrap(XGraphics g, string text, double size, bool bold, double width)
    {
        var lines = new List<List<(string, bool)>>();
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            var line = new List<(string Text, bool Cjk)>();
            double x = 0;
            foreach (var token in Tokens(paragraph).SelectMany(t => Split(g, t, size, bold, width)))
            {
                var w = g.MeasureString(token.Text, Font(size, bold, token.Cjk)).Width;
                if (x + w > width && line.Count > 0 && token.Text != " ")
                {
                    lines.Add(Merge(line));
                    line = [];
                    x = 0;
                }
                if (line.Count == 0 && token.Text == " ") continue;
                line.Add(token);
                x += w;
            }
            lines.Add(Merge(line));
        }
        return lines;
    }

    // A word wider than the line (a URL, a JSON blob) is cut into pieces that fit.
    IEnumerable<(string Text, bool Cjk)> Split(XGraphics g, (string Text, bool Cjk) token, double size, bool bold, double width)
    {
        var font = Font(size, bold, token.Cjk);
        if (token.Cjk || g.MeasureString(token.Text, font).Width <= width) { yield return token; yield break; }
        var piece = new StringBuilder();
        foreach (var rune in token.Text.EnumerateRunes())
        {
            if (piece.Length > 0 && g.MeasureString(piece + rune.ToString(), font).Width > width)
            {
                yield return (piece.ToString(), false);
                piece.Clear();
            }
            piece.Append(rune.ToString());
        }
        if (piece.Length > 0) yield return (piece.ToString(), false);
    }

    static List<(string, bool)> Merge(List<(string Text, bool Cjk)> tokens)
    {
        var runs = new List<(string, bool)>();
        foreach (var t in tokens)
        {
            // Spaces join the run before them, so extracted text keeps its word breaks.
            var cjk = t.Text == " " && runs.Count > 0 ? runs[^1].Item2 : t.Cjk;
            if (runs.Count > 0 && (runs[^1].Item2 == cjk || t.Text == " ")) runs[^1] = (runs[^1].Item1 + t.Text, runs[^1].Item2);
            else runs.Add((t.Text, cjk));
        }
        return runs;
    }

    /// <summary>Draws one line of runs with its top-left at (x, y); returns the width drawn.</summary>
    public double DrawLine(XGraphics g, List<(string Text, bool Cjk)> runs, double x, double y, double size, bool bold, XBrush brush)
    {
        var start = x;
        foreach (var (text, cjk) in runs)
        {
            var font = Font(size, bold, cjk);
            // Both fonts share a baseline at y + size so Chinese and Latin runs line up.
            g.DrawString(text, font, brush, x, y + size, XStringFormats.BaseLineLeft);
            x += g.MeasureString(text, font).Width;
        }
        return x - start;
    }
}
