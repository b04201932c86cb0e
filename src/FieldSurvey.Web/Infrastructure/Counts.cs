using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Infrastructure;

/// <summary>
/// Sentences with a count. English keys come in two forms, chosen here by the count ("{0} interview" for
/// exactly 1, "{0} interviews" otherwise); the zh-Hans table gives both keys the same translation, since
/// Chinese has no plural ("{0} 次访谈"). Both keys must be in the string table: the translation walk checks
/// whichever form a page asked for, so a test seeds both a 1 and another number where it matters.
/// </summary>
public static class Counts
{
    /// <summary>The singular or plural key for <paramref name="count"/>, formatted with the count as {0}.</summary>
    public static LocalizedString Count(this IStringLocalizer localizer, long count, string one, string other) =>
        localizer[count == 1 ? one : other, count];

    /// <summary>As <see cref="Count(IStringLocalizer, long, string, string)"/> with further arguments ({0} need not be the count).</summary>
    public static LocalizedString Count(this IStringLocalizer localizer, long count, string one, string other, params object[] arguments) =>
        localizer[count == 1 ? one : other, arguments];
}
