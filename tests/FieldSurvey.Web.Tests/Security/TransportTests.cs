using System.Net;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FieldSurvey.Tests.Security;

/// <summary>
/// Issue 17, item 10: outside Development every cookie is Secure unless plain HTTP is allowed, and
/// X-Forwarded-* headers count only from the proxies listed in ReverseProxy:KnownProxies.
/// </summary>
public sealed class TransportTests
{
    /// <summary>The production default: the test hosts' Security:AllowPlainHttp (appsettings.Testing.json) switched off.</summary>
    sealed class SecureDefaultFactory : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Security:AllowPlainHttp", "false");
        }
    }

    sealed class BehindProxyFactory : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ReverseProxy:Enabled", "true");
            builder.UseSetting("ReverseProxy:KnownProxies:0", "10.9.8.7");
        }
    }

    [Fact]
    public async Task Outside_Development_the_sign_in_and_antiforgery_cookies_are_Secure()
    {
        await using var app = new SecureDefaultFactory();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var login = await client.GetAsync("/Account/Login");
        var signIn = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = AppFactory.PI, ["Input.Password"] = AppFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookies = new[] { login, signIn }.SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var v) ? v : []).ToList();
        Assert.Contains(cookies, c => c.StartsWith("FieldSurvey.Auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unlisted_address_are_ignored_and_from_the_listed_proxy_honoured()
    {
        await using var app = new BehindProxyFactory();
        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        Assert.Equal([IPAddress.Parse("10.9.8.7")], options.KnownProxies);
        Assert.Empty(options.KnownIPNetworks);

        // With plain HTTP allowed, a cookie is Secure exactly when the request counts as HTTPS: the claim
        // "X-Forwarded-Proto: https" shows whether it was believed.
        async Task<bool> SecureCookieFrom(string address)
        {
            var context = await app.Server.SendAsync(c =>
            {
                c.Request.Method = "GET";
                c.Request.Path = "/Account/Login";
                c.Connection.RemoteIpAddress = IPAddress.Parse(address);
                c.Request.Headers["X-Forwarded-Proto"] = "https";
                c.Request.Headers["X-Forwarded-For"] = "198.51.100.1";
            });
            Assert.Equal(200, context.Response.StatusCode);
            return context.Response.Headers.SetCookie.Any(c => c!.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        }
        Assert.False(await SecureCookieFrom("203.0.113.9"));
        Assert.True(await SecureCookieFrom("10.9.8.7"));
    }
}
