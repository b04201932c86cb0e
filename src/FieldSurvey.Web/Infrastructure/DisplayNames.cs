using System.Globalization;
using FieldSurvey.Core.Interviews;
using FieldSurvey.Core.Study;

namespace FieldSurvey.Web.Infrastructure;

/// <summary>
/// What users read for enum values and bilingual data. Enum names are not always good English
/// ("DontKnow"), so the English label is chosen here and then looked up in the string table; vocabulary
/// and parks show their Chinese or English name by the person's interface language.
/// </summary>
public static class DisplayNames
{
    public static bool Chinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    /// <summary>The English key for a blank reason (translate it with L[...]).</summary>
    public static string Label(this BlankReason reason) => reason switch
    {
        BlankReason.Refused => "Refused",
        BlankReason.DontKnow => "Don't know",
        BlankReason.NotApplicable => "Not applicable",
        _ => reason.ToString(),
    };

    /// <summary>The English key for a suggested or judged classification (translate it with L[...]).</summary>
    public static string Label(this FieldSurvey.Core.Reporting.Verdict verdict) => verdict switch
    {
        FieldSurvey.Core.Reporting.Verdict.Collaborating => "Collaborating",
        FieldSurvey.Core.Reporting.Verdict.Competing => "Competing",
        FieldSurvey.Core.Reporting.Verdict.Mixed => "Mixed",
        _ => "Insufficient evidence",
    };

    /// <summary>The English key for how a transcript's segments are counted in the report.</summary>
    public static string Label(this FieldSurvey.Core.Reporting.TranscriptBasis basis) => basis switch
    {
        FieldSurvey.Core.Reporting.TranscriptBasis.Complete => "Adjudication complete",
        FieldSurvey.Core.Reporting.TranscriptBasis.Partial => "Adjudication partial",
        FieldSurvey.Core.Reporting.TranscriptBasis.None => "Adjudication none",
        FieldSurvey.Core.Reporting.TranscriptBasis.SingleCoder => "One coder",
        _ => "Not coded",
    };

    /// <summary>The name of a term in the interface language (Chinese falls back to English and back).</summary>
    public static string Localized(this Term term) => Pick(term.NameZh, term.NameEn);

    /// <summary>The name of a park in the interface language.</summary>
    public static string Localized(this Park park) => Pick(park.NameZh, park.NameEn);

    /// <summary>The Chinese text if the interface is Chinese and it is not empty; otherwise the English one.</summary>
    public static string Pick(string? zh, string? en) =>
        (Chinese ? (string.IsNullOrWhiteSpace(zh) ? en : zh) : (string.IsNullOrWhiteSpace(en) ? zh : en)) ?? "";

    /// <summary>
    /// Compares names as the person's language sorts them: for zh-Hans, ICU orders Chinese by pinyin
    /// (北京 before 中关村); for English, alphabetically. SQL ORDER BY cannot do this, so sort in memory.
    /// </summary>
    public static StringComparer NameComparer => StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);

    /// <summary>
    /// A shortcut key as its key cap shows it: letters in upper case, so the labour-market key "l" cannot be read
    /// as the location key "1" beside it (the annotator matches keys without regard to case).
    /// </summary>
    public static string KeyCap(string? shortcut) => (shortcut ?? "").ToUpperInvariant();

    /// <summary>A firm's name as shown: Chinese for a Chinese interface, else English when it has one.</summary>
    public static string FirmName(string nameZh, string? nameEn) => FieldSurvey.Core.Firms.Firm.NameFor(nameZh, nameEn, Chinese);
}
