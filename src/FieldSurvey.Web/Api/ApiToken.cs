namespace FieldSurvey.Web.Api;

/// <summary>
/// A personal access token for the read API (issue 26), issued by a PI to one person. Only the SHA-256 of the
/// secret is kept: the secret is 32 random bytes (256 bits), so unlike a password it cannot be guessed or
/// looked up in a dictionary, and a slow password hash would only slow every API call; a fast hash with a
/// unique index finds the token in one lookup. The secret itself is shown once, when it is issued.
/// Not research data, so not in the automatic audit; issuing and revoking are "Access" rows of the audit trail.
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    /// <summary>What the token is for, e.g. "R on my laptop".</summary>
    public required string Name { get; set; }
    /// <summary>The person the token acts as: the API sees that person's current roles.</summary>
    public required string UserId { get; set; }
    /// <summary>Lower-case hex SHA-256 of the secret's UTF-8 text.</summary>
    public required string SecretHash { get; set; }
    /// <summary>The secret's first characters, so the person can tell their tokens apart; not enough to use it.</summary>
    public required string Prefix { get; set; }
    /// <summary>Names, phones, e-mails and notes only with this right (and only for a PI).</summary>
    public bool PersonalData { get; set; }
    public DateTimeOffset CreatedAtUtc { get; set; }
    public required string CreatedById { get; set; }
    public DateTimeOffset ExpiresAtUtc { get; set; }
    public DateTimeOffset? RevokedAtUtc { get; set; }
    public string? RevokedById { get; set; }
    public DateTimeOffset? LastUsedAtUtc { get; set; }
}
