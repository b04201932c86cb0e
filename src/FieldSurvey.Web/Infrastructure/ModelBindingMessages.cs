using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace FieldSurvey.Web.Infrastructure;

/// <summary>
/// The framework's own model-binding messages ("The value 'x' is not valid") in the person's language.
/// The provider is built once at start-up, so each message looks its text up when it is shown.
/// </summary>
static class ModelBindingMessages
{
    static IStringLocalizer? localizer;

    /// <summary>Called once the service provider exists (Program.cs), before any request.</summary>
    public static void Use(IStringLocalizer<SharedResource> t) => localizer = t;

    static string T(string text, params object[] args) =>
        localizer is null ? string.Format(CultureInfo.CurrentCulture, text, args) : localizer[text, args];

    public static void Localize(DefaultModelBindingMessageProvider p)
    {
        p.SetValueIsInvalidAccessor(v => T("The value \"{0}\" is not valid.", v));
        p.SetAttemptedValueIsInvalidAccessor((v, f) => T("The value \"{0}\" is not valid for {1}.", v, f));
        p.SetValueMustBeANumberAccessor(f => T("{0} must be a number.", f));
        p.SetMissingBindRequiredValueAccessor(f => T("{0} is required.", f));
        p.SetValueMustNotBeNullAccessor(v => T("A value is required.", v));
        p.SetMissingKeyOrValueAccessor(() => T("A value is required."));
        p.SetMissingRequestBodyRequiredValueAccessor(() => T("A value is required."));
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(v => T("The value \"{0}\" is not valid.", v));
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => T("The value is not valid."));
        p.SetUnknownValueIsInvalidAccessor(f => T("The value for {0} is not valid.", f));
        p.SetNonPropertyValueMustBeANumberAccessor(() => T("The field must be a number."));
    }
}
