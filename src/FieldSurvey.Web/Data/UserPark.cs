namespace FieldSurvey.Web.Data;

/// <summary>
/// One park an interviewer or coder is limited to (like a REDCap data access group). A person with no rows
/// sees every park; a PI always does. Read into the sign-in cookie by <see cref="Infrastructure.AppClaimsFactory"/>.
/// </summary>
public sealed class UserPark
{
    public required string UserId { get; set; }
    public int ParkId { get; set; }
}
