using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Privacy;

/// <summary>
/// <c>Dashboard:KeyProtection</c>: the certificate that encrypts the data-protection keys on disk (the
/// keys behind sign-in cookies, antiforgery and password-reset tokens). Either a PKCS#12 file with its
/// password, or the thumbprint of a certificate in the app account's "My" store. Unset: the keys are
/// written in the clear (in an owner-only folder) and Production logs a warning at every start.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string SectionName = "Dashboard:KeyProtection";

    /// <summary>A .pfx/.p12 file with the certificate and its private key, relative to the content root.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The file's password; better from an environment variable than from appsettings.json.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Or: the thumbprint of a certificate with its private key in the current user's "My" store.</summary>
    public string? CertificateThumbprint { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(CertificatePath) || !string.IsNullOrWhiteSpace(CertificateThumbprint);
}

public static partial class KeyProtection
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Keeps the keys in <paramref name="folder"/>, which only the app's account may enter, encrypted with the
    /// configured certificate (<see cref="ProtectKeys"/>).
    /// </summary>
    public static IDataProtectionBuilder PersistKeysProtected(this IDataProtectionBuilder builder, string folder, KeyProtectionOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.PersistKeysToFileSystem(OwnerOnly(folder)).ProtectKeys(options, contentRoot);
    }

    /// <summary>
    /// Encrypts the keys, wherever they are kept (a folder, or the database when several nodes share them),
    /// with the configured certificate. A configured certificate that cannot be loaded stops the start:
    /// running on with unprotected keys when protection was asked for would be a silent downgrade.
    /// </summary>
    public static IDataProtectionBuilder ProtectKeys(this IDataProtectionBuilder builder, KeyProtectionOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var path = Path.GetFullPath(Path.Combine(contentRoot, options.CertificatePath));
            X509Certificate2 certificate;
            try
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
            }
            catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException(
                    $"{KeyProtectionOptions.SectionName}:CertificatePath: the certificate {path} could not be loaded (missing, unreadable or wrong {KeyProtectionOptions.SectionName}:CertificatePassword).", ex);
            }

            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException($"{KeyProtectionOptions.SectionName}:CertificatePath: {path} holds no private key; the keys could not be read back.");
            }

            builder.ProtectKeysWithCertificate(certificate);
        }
        else if (!string.IsNullOrWhiteSpace(options.CertificateThumbprint))
        {
            builder.ProtectKeysWithCertificate(options.CertificateThumbprint.Trim());
        }

        return builder;
    }

    private static DirectoryInfo OwnerOnly(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(folder);
        }

        var directory = Directory.CreateDirectory(folder, OwnerOnlyFolder);

        // A folder made by an earlier version kept the default mode: tightened at every start.
        File.SetUnixFileMode(directory.FullName, OwnerOnlyFolder);
        return directory;
    }

    /// <summary>
    /// Says at start-up, in Production, that the keys lie unencrypted on disk and which setting fixes it.
    /// Outside a host (tests that build the services alone) there is no environment and nothing to say.
    /// </summary>
    internal sealed partial class StartupWarning(IOptions<KeyProtectionOptions> options, ILogger<StartupWarning> logger, IHostEnvironment? environment = null)
        : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (environment?.IsProduction() == true && !options.Value.IsConfigured)
            {
                LogUnprotected(logger, KeyProtectionOptions.SectionName);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message =
            "The data-protection keys (sign-in cookies, password-reset tokens) are stored unencrypted at rest. " +
            "Set {Section}:CertificatePath and CertificatePassword (a .pfx file) or {Section}:CertificateThumbprint to encrypt them with a certificate.")]
        private static partial void LogUnprotected(ILogger logger, string section);
    }
}
