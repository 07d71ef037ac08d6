using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dashboard.Core;
using Dashboard.Core.Privacy;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Privacy;

/// <summary>The data-protection keys at rest: owner-only, and encrypted by the configured certificate.</summary>
public sealed class KeyProtectionTests : IDisposable
{
    private const string Password = "pfx-test-password";

    private readonly TempDatabase _data = new();

    private string KeysFolder => Path.Combine(_data.Folder, "keys");

    /// <summary>A self-signed certificate with its private key, as an operator would export it to a .pfx.</summary>
    private string CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Cutover Dashboard key protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(TestClocks.FirstStart.AddDays(-1), TestClocks.FirstStart.AddYears(1));
        var path = Path.Combine(_data.Folder, "keys-certificate.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }

    private ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Dashboard"] = _data.ConnectionString,
            ["Dashboard:DataFolder"] = _data.Folder,
        }.Concat(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))).Build();
        return new ServiceCollection().AddLogging().AddDashboardCore(configuration, _data.Folder).BuildServiceProvider();
    }

    [Fact]
    public void With_a_certificate_the_keys_on_disk_are_encrypted_and_read_back_after_a_restart()
    {
        var certificate = CreateCertificate();
        (string, string)[] settings = [("Dashboard:KeyProtection:CertificatePath", certificate), ("Dashboard:KeyProtection:CertificatePassword", Password)];
        string protectedText;
        using (var first = Services(settings))
        {
            protectedText = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("sign-in cookie");
        }

        var key = File.ReadAllText(Assert.Single(Directory.GetFiles(KeysFolder, "*.xml")));
        Assert.Contains("EncryptedData", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(KeysFolder));
        }

        using var restarted = Services(settings);
        Assert.Equal("sign-in cookie", restarted.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
    }

    [Fact]
    public void Without_a_certificate_the_keys_are_plain_but_owner_only()
    {
        using (var services = Services())
        {
            services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("x");
        }

        Assert.Contains("<masterKey", File.ReadAllText(Assert.Single(Directory.GetFiles(KeysFolder, "*.xml"))), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(KeysFolder));
        }
    }

    [Fact]
    public void A_certificate_that_cannot_be_opened_stops_the_start_and_names_the_setting()
    {
        var certificate = CreateCertificate();

        var ex = Assert.Throws<InvalidOperationException>(() =>
            Services(("Dashboard:KeyProtection:CertificatePath", certificate), ("Dashboard:KeyProtection:CertificatePassword", "wrong")));

        Assert.Contains("Dashboard:KeyProtection:CertificatePassword", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", false, true)]
    [InlineData("Production", true, false)]
    [InlineData("Development", false, false)]
    public async Task Production_warns_at_start_when_the_keys_are_unprotected_and_names_the_setting(string environment, bool configured, bool warns)
    {
        var log = new CapturedLog();
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(log));
        var options = new KeyProtectionOptions { CertificateThumbprint = configured ? "0123456789ABCDEF0123456789ABCDEF01234567" : null };
        IHostedService warning = new KeyProtection.StartupWarning(
            Options.Create(options), loggers.CreateLogger<KeyProtection.StartupWarning>(), new Environment(environment));

        await warning.StartAsync(CancellationToken.None);

        Assert.Equal(warns, log.Messages.Any(m => m.Contains("Dashboard:KeyProtection:CertificatePath", StringComparison.Ordinal)));
        var registered = new ServiceCollection().AddDashboardCore(new ConfigurationBuilder().Build(), _data.Folder);
        Assert.Contains(registered, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(KeyProtection.StartupWarning));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Dashboard";

        public string ContentRootPath { get; set; } = "";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    public void Dispose() => _data.Dispose();
}
