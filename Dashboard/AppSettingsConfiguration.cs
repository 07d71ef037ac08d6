using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Dashboard;

internal static class AppSettingsConfiguration
{
    /// <summary>
    /// The configuration files live at the top of the repository and are copied next to the
    /// binaries, so read them from there under both <c>dotnet run</c> and a published app,
    /// keeping their place in the source order (environment variables and arguments still win).
    /// </summary>
    public static void UseTopLevelAppSettings(this ConfigurationManager configuration, string environmentName)
    {
        var outputFolder = new PhysicalFileProvider(AppContext.BaseDirectory);
        string[] names = ["appsettings.json", $"appsettings.{environmentName}.json"];
        var sources = configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { Path: { } path } json && names.Contains(path, StringComparer.OrdinalIgnoreCase))
            {
                sources[i] = new JsonConfigurationSource
                {
                    FileProvider = outputFolder,
                    Path = path,
                    Optional = json.Optional,
                    ReloadOnChange = json.ReloadOnChange,
                };
            }
        }
    }
}
