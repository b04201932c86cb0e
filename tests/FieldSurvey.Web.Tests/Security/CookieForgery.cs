using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using FieldSurvey.Tests.Infrastructure;
using FieldSurvey.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FieldSurvey.Tests.Security;

/// <summary>
/// What the review's ~40-line program did: take key-ring XML from somewhere (a backup, a dump, the database)
/// and try to read a sign-in cookie with it. A key ring that reads a cookie can also mint one.
/// </summary>
public static class CookieForgery
{
    /// <summary>The sign-in cookie's value after signing in as <paramref name="email"/>.</summary>
    public static async Task<string> SignInCookieAsync(AppFactory app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var login = await client.GetAsync("/Account/Login");
        var cookies = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = HttpClientForms.Token(await login.Content.ReadAsStringAsync())!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email, ["Input.Password"] = AppFactory.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", cookies);
        var response = await client.SendAsync(post);
        return response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])
            .Single(c => c.StartsWith("FieldSurvey.Auth=", StringComparison.Ordinal))["FieldSurvey.Auth=".Length..];
    }

    /// <summary>The account name in the cookie, read with only these keys (and the certificate, if given); null when unreadable.</summary>
    public static string? ReadCookie(IEnumerable<string> keyXml, string cookie, X509Certificate2? certificate = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().SetApplicationName("FieldSurvey").DisableAutomaticKeyGeneration();
        var keys = keyXml.Select(XElement.Parse).ToList();
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new Fixed(keys));
        if (certificate is not null) services.AddSingleton(new KeyRingCertificate(certificate));
        using var provider = services.BuildServiceProvider();
        var protector = provider.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Identity.Application", "v2");
        try
        {
            return new TicketDataFormat(protector).Unprotect(cookie)?.Principal?.Identity?.Name;
        }
        catch (Exception)
        {
            return null;
        }
    }

    sealed class Fixed(IReadOnlyList<XElement> keys) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() => keys.ToList();
        public void StoreElement(XElement element, string friendlyName) { }
    }
}
