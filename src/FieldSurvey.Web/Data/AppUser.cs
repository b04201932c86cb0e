using Microsoft.AspNetCore.Identity;

namespace FieldSurvey.Web.Data;

/// <summary>A person who signs in. Deactivated, never deleted: calls, answers and segments point at them.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>IANA zone the person's times are shown in, e.g. "America/Toronto".</summary>
    public string TimeZoneId { get; set; } = "Asia/Shanghai";
    /// <summary>Interface language: "en" or "zh-Hans"; null follows the browser.</summary>
    public string? Culture { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAtUtc { get; set; }
}
