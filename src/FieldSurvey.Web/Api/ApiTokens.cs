using System.Security.Cryptography;
using System.Text;

namespace FieldSurvey.Web.Api;

/// <summary>Making and checking token secrets; why SHA-256 is enough is said on <see cref="ApiToken"/>.</summary>
public static class ApiTokens
{
    /// <summary>Every secret starts so, which lets secret scanners and people recognise one.</summary>
    public const string SecretStart = "fs_";
    public const int PrefixLength = 10;
    /// <summary>A token lives at most a year; a PI issues a new one after.</summary>
    public const int MaxDays = 366;

    public static string NewSecret() => SecretStart + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string Prefix(string secret) => secret[..Math.Min(PrefixLength, secret.Length)];

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
