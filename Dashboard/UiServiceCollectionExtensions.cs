using Dashboard.Core.Validation;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using System.Text.Json.Serialization;
using Dashboard.Api;
using Dashboard.Api.His;
using Dashboard.Components;
using Dashboard.Core;
using Dashboard.Localization;
using Dashboard.Logging;
using Dashboard.Security;
using Dashboard.Time;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Dashboard;

internal static partial class UiServiceCollectionExtensions
{
    public static IServiceCollection AddDashboardUi(this IServiceCollection services)
    {
        // A pasted page of text must reach the form's length check, not drop the connection (32 KB by default).
        services.AddRazorComponents().AddInteractiveServerComponents().AddHubOptions(options => options.MaximumReceiveMessageSize = 256 * 1024);

        // Chinese pages: emit CJK as characters, not as &#x...; entities (a third of the bytes).
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddMudServices();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddTransient<MudBlazor.MudLocalizer, ResourceMudLocalizer>();
        services.AddOptions<RequestLocalizationOptions>().Configure<IOptions<DashboardOptions>>((localization, dashboard) =>
        {
            CultureInfo[] cultures = [.. UiCultures.Supported.Select(CultureInfo.GetCultureInfo)];
            localization.DefaultRequestCulture = new RequestCulture(dashboard.Value.DefaultCulture);
            localization.SupportedCultures = cultures;
            localization.SupportedUICultures = cultures;
            // Only the user's explicit choice (a cookie) overrides the configured default.
            localization.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails();
        services.AddScoped<TimeTextFormatter>();
        services.AddSingleton<CatchUp.ReEntryWorkbook>();
        services.AddSingleton<Components.Pages.Board.BoardCardHtml>();
        services.AddDashboardAuthentication();
        services.AddTransportSecurity();
        services.AddHisApi();
        return services;
    }

    /// <summary>Console logs go through the masking formatter: no full ID numbers or phones.</summary>
    public static ILoggingBuilder AddMaskedConsole(this ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddConsole(options => options.FormatterName = MaskingConsoleFormatter.FormatterName);
        logging.AddConsoleFormatter<MaskingConsoleFormatter, Microsoft.Extensions.Logging.Console.SimpleConsoleFormatterOptions>();
        return logging;
    }

    public static WebApplication UseDashboardUi(this WebApplication app)
    {
        app.UseTransportSecurity();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        app.UseHisApi();
        app.UseSignInRateLimiting();
        app.UseAuthentication();
        app.UsePasswordChangeRequirement();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRegionsApi();
        app.MapCultureEndpoints();
        app.MapAccountEndpoints();
        app.MapExportEndpoints();
        app.MapBoardExport();
        app.MapHisApi();
        app.MapOpenApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>Tells the person who started the app where to open it.</summary>
    public static void LogAddressesOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
            {
                LogOpen(app.Logger, url);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cutover Dashboard is running. Open {Url} in a browser.")]
    private static partial void LogOpen(ILogger logger, string url);
}
