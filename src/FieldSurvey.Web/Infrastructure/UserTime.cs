using System.Globalization;
using Microsoft.Extensions.Options;

namespace FieldSurvey.Web.Infrastructure;

/// <summary>
/// Shows UTC times in the signed-in person's zone and, where a firm's local time matters, in the firms'
/// zone (Beijing) beside it. Times are stored in UTC everywhere; this is the one place they are converted.
/// </summary>
public sealed class UserTime(IHttpContextAccessor http, IOptions<TimeOptions> options)
{
    public TimeZoneInfo UserZone => Find(http.HttpContext?.User.FindFirst(UserExtensions.TimeZoneClaim)?.Value)
                                    ?? Find(options.Value.DefaultUserTimeZone) ?? TimeZoneInfo.Utc;
    public TimeZoneInfo FirmZone => Find(options.Value.FirmTimeZone) ?? TimeZoneInfo.Utc;

    public DateTimeOffset ToUser(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, UserZone);
    public DateTimeOffset ToFirm(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, FirmZone);

    /// <summary>A local wall-clock time in the given zone, back to UTC.</summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);

    public string Format(DateTimeOffset? utc) =>
        utc is { } t ? ToUser(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>"2026-11-26 21:00 (Beijing 2026-11-27 10:00)", or one time when both zones agree.</summary>
    public string FormatWithFirm(DateTimeOffset? utc, string firmLabel)
    {
        if (utc is not { } t) return "";
        var mine = Format(t);
        if (UserZone.Id == FirmZone.Id) return mine;
        return $"{mine} ({firmLabel} {ToFirm(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)})";
    }

    static TimeZoneInfo? Find(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
}
