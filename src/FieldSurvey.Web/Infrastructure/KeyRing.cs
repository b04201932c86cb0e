using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using FieldSurvey.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace FieldSurvey.Web.Infrastructure;

/// <summary>The certificate that encrypts the data-protection key ring at rest (section "DataProtection").</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";
    /// <summary>A PFX (PKCS#12) file with a private key, kept outside the database and outside backups.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
}

/// <summary>
/// The key ring signs sign-in cookies, antiforgery tokens and TempData. It lives in the database so that
/// several instances share it, which made a copy of the database enough to mint a PI's cookie. So each
/// key is encrypted with a certificate configured outside the database (a database copy alone is then
/// useless), backups leave the key ring out (<see cref="Backups"/>), and an install without a certificate
/// says so at start-up. Losing the certificate costs only sign-ins: new keys are made, everyone signs in again.
/// </summary>
public static class KeyRing
{
    public static void AddFieldSurveyDataProtection(this IServiceCollection services)
    {
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section)
            .Validate(o => o.CertificatePath is not { Length: > 0 } path || File.Exists(path), "DataProtection:CertificatePath names no file.")
            .ValidateOnStart();
        services.AddDataProtection().SetApplicationName("FieldSurvey").PersistKeysToDbContext<FieldSurveyDbContext>();
        // Resolved lazily, like every option, so that tests and environment variables can set the certificate.
        services.AddSingleton(sp => new KeyRingCertificate(Load(sp.GetRequiredService<IOptions<KeyRingOptions>>().Value)));
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            if (sp.GetRequiredService<KeyRingCertificate>().Certificate is { } certificate)
                o.XmlEncryptor = new CertificateKeyEncryptor(new CertificateXmlEncryptor(certificate, sp.GetRequiredService<ILoggerFactory>()));
        }));
        services.AddHostedService<KeyRingWarning>();
    }

    static X509Certificate2? Load(KeyRingOptions options)
    {
        if (options.CertificatePath is not { Length: > 0 } path) return null;
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
        return certificate.HasPrivateKey ? certificate
            : throw new InvalidOperationException($"The certificate {path} (DataProtection:CertificatePath) has no private key, so it cannot decrypt the key ring.");
    }
}

public sealed record KeyRingCertificate(X509Certificate2? Certificate);

/// <summary>
/// Encrypts keys as <see cref="CertificateXmlEncryptor"/> does (XML Encryption to the certificate), but names
/// <see cref="CertificateKeyDecryptor"/> as their decryptor: the framework's own one finds its certificate only
/// in options that are set while services are registered, before configuration (and a test's settings) is read.
/// </summary>
sealed class CertificateKeyEncryptor(CertificateXmlEncryptor inner) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(inner.Encrypt(plaintextElement).EncryptedElement, typeof(CertificateKeyDecryptor));
}

/// <summary>Decrypts a key with the configured certificate's private key; without it the key (and every cookie it signed) is unreadable.</summary>
public sealed class CertificateKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var certificate = services.GetService<KeyRingCertificate>()?.Certificate
            ?? throw new CryptographicException("The key ring is encrypted, but no DataProtection:CertificatePath is configured.");
        var document = new XmlDocument { XmlResolver = null };
        using (var reader = encryptedElement.CreateReader()) document.Load(reader);
        new WithCertificate(document, certificate).DecryptDocument();
        return XElement.Load(new XmlNodeReader(document.DocumentElement!));
    }

    sealed class WithCertificate(XmlDocument document, X509Certificate2 certificate) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            using var rsa = certificate.GetRSAPrivateKey() ?? throw new CryptographicException("The key-ring certificate has no RSA private key.");
            return DecryptKey(encryptedKey.CipherData.CipherValue!, rsa, encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl);
        }
    }
}

/// <summary>Logs at start-up whether the key ring is encrypted, and loads the certificate so a bad one stops the start.</summary>
sealed class KeyRingWarning(KeyRingCertificate ring, ILogger<KeyRingWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (ring.Certificate is null)
            logger.LogWarning("No DataProtection:CertificatePath is configured: the data-protection key ring is stored UNENCRYPTED in the database, " +
                "so anyone holding a copy of the database can forge sign-in cookies. Configure a certificate (appsettings.example.json, README \"Security\").");
        else
            logger.LogInformation("The data-protection key ring is encrypted with the certificate {Thumbprint}.", ring.Certificate.Thumbprint);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
