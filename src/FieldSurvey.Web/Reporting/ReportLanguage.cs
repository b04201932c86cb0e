using System.Globalization;

namespace FieldSurvey.Web.Reporting;

/// <summary>
/// The language of a download: <c>en</c> or <c>zh-Hans</c> (<c>zh</c> too), or null for the reader's interface
/// language. The string table reads the current UI culture, so a download switches it while the view is built.
/// </summary>
public static class ReportLanguage
{
    public static readonly IReadOnlyList<string> Choices = ["en", "zh-Hans"];

    public static CultureInfo? Parse(string? lang) => lang switch
    {
        null or "" => null,
        _ when lang.StartsWith("zh", StringComparison.OrdinalIgnoreCase) => CultureInfo.GetCultureInfo("zh-Hans"),
        _ when lang.StartsWith("en", StringComparison.OrdinalIgnoreCase) => CultureInfo.GetCultureInfo("en"),
        _ => null,
    };

    /// <summary>Switches the UI culture (and the culture) until disposed; a no-op for the reader's own language.</summary>
    public static IDisposable Use(string? lang) => new Scope(Parse(lang));

    sealed class Scope : IDisposable
    {
        readonly CultureInfo ui = CultureInfo.CurrentUICulture, culture = CultureInfo.CurrentCulture;

        public Scope(CultureInfo? to)
        {
            if (to is null) return;
            CultureInfo.CurrentUICulture = to;
            CultureInfo.CurrentCulture = to;
        }

        public void Dispose() => (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture);
    }
}
