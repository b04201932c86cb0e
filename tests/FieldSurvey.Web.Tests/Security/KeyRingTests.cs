using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FieldSurvey.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace FieldSurvey.Tests.Security;

/// <summary>The key ring encrypted with a certificate kept outside the database (issue 17, item 1).</summary>
public sealed class KeyRingTests
{
    /// <summary>The app with DataProtection:CertificatePath set to a self-signed certificate made for the test.</summary>
    sealed class WithCertificate : AppFactory
    {
        public X509Certificate2 Certificate { get; }
        readonly string pfx;

        public WithCertificate()
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=FieldSurvey key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var made = request.CreateSelfSigned(now, now.AddYears(10));
            Directory.CreateDirectory(DataFolder);
            pfx = Path.Combine(Path.GetTempPath(), $"fs-keyring-{Guid.NewGuid():N}.pfx");   // outside the data folder, as in production
            File.WriteAllBytes(pfx, made.Export(X509ContentType.Pfx, "test-pass"));
            Certificate = X509CertificateLoader.LoadPkcs12FromFile(pfx, "test-pass");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("DataProtection:CertificatePath", pfx);
            builder.UseSetting("DataProtection:CertificatePassword", "test-pass");
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            File.Delete(pfx);
        }
    }

    [Fact]
    public async Task With_a_certificate_configured_the_database_alone_cannot_read_a_sign_in_cookie()
    {
        await using var app = new WithCertificate();
        var cookie = await CookieForgery.SignInCookieAsync(app, AppFactory.PI);
        var pi = await app.SignedInAsync(AppFactory.PI);
        Assert.Equal(HttpStatusCode.OK, (await pi.GetAsync("/Admin")).StatusCode);   // the app itself reads its keys

        var stored = await app.WithAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("EncryptedData", xml);
            Assert.DoesNotContain("<value>", xml);   // the key material itself is only inside the encrypted data
        });
        Assert.Null(CookieForgery.ReadCookie(stored, cookie));
        // The same XML with the certificate reads it: the keys are the app's keys, encrypted.
        Assert.Equal(AppFactory.PI, CookieForgery.ReadCookie(stored, cookie, app.Certificate));
    }
}
