using FieldSurvey.Core.Calls;

namespace FieldSurvey.Web.Pages.Calls;

/// <summary>
/// The string-table key of each call-list reason, in one place so that a test can check every reason has a
/// translation: some reasons only appear on some days (a callback becomes due when its time passes).
/// </summary>
public static class CallListText
{
    public static string Key(CallListReason reason) => reason switch
    {
        CallListReason.CallbackDue => "Callback due",
        CallListReason.Fresh => "Not called yet",
        CallListReason.RetryDue => "Retry",
        CallListReason.CallbackLater => "Callback booked",
        CallListReason.RetryLater => "Retry later",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
