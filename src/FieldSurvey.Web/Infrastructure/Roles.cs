namespace FieldSurvey.Web.Infrastructure;

/// <summary>The three roles of domain.md. A person may hold several.</summary>
public static class Roles
{
    public const string PI = "PI";
    public const string Interviewer = "Interviewer";
    public const string Coder = "Coder";
    public static readonly string[] All = [PI, Interviewer, Coder];
}

/// <summary>Authorisation policies, one per audience; folders are bound to them in <see cref="PageAccess"/>.</summary>
public static class Policies
{
    public const string PI = "PI";
    public const string FieldTeam = "FieldTeam";       // PI or interviewer: firms, calls, interviews (personal data)
    public const string Coding = "Coding";             // coders and PIs
}
