using Dashboard;
using Dashboard.Core;
using Dashboard.Core.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.UseTopLevelAppSettings(builder.Environment.EnvironmentName);
builder.Logging.AddMaskedConsole();
builder.Services.AddDashboardCore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddDashboardUi();

var app = builder.Build();
await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
app.UseDashboardUi();
app.LogAddressesOnStart();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
