using Bunit;
using Dashboard.Components.Pages.Import;
using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Dashboard.Core.Import;
using Dashboard.Core.Persistence;
using Dashboard.Tests.Components;
using Dashboard.Tests.EndToEnd.Pages;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Import;

/// <summary>
/// A preview left open is dropped when the user leaves the page (a link, the tab closed, the circuit ended):
/// the audit trail says so, as it does for the Cancel button; a preview imported or cancelled is not cancelled again.
/// </summary>
public sealed class ImportPreviewPanelTests() : ComponentTestContext(TestClocks.FirstStart)
{
    private const string FileName = "离开页面.xlsx";

    [Fact]
    public async Task Leaving_the_page_with_a_preview_neither_imported_nor_cancelled_audits_it_as_cancelled()
    {
        await RenderPreviewAsync();

        await DisposeComponentsAsync();

        var cancelled = Assert.Single(await CancelledAsync());
        Assert.Equal(("desk", FileName), (cancelled.UserName, cancelled.EntityId));
        Assert.Contains($"\"via\":\"{RecordImport.CancelledByLeaving}\"", cancelled.AfterJson, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(AuditActions.Create));
    }

    [Fact]
    public async Task Leaving_after_the_cancel_button_adds_no_second_cancellation()
    {
        var panel = await RenderPreviewAsync();
        await panel.Find(".import-cancel").ClickAsync(new());
        await panel.WaitForAssertionAsync(() => Assert.NotEmpty(panel.FindAll(".import-outcome")));

        await DisposeComponentsAsync();

        var cancelled = Assert.Single(await CancelledAsync());
        Assert.Contains($"\"via\":\"{RecordImport.CancelledByButton}\"", cancelled.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaving_after_the_import_audits_no_cancellation()
    {
        var panel = await RenderPreviewAsync();
        await panel.Find(".import-commit").ClickAsync(new());
        await panel.WaitForAssertionAsync(() => Assert.NotEmpty(panel.FindAll(".import-outcome")));

        await DisposeComponentsAsync();

        Assert.Empty(await CancelledAsync());
        Assert.Equal(1, await CountAsync(AuditActions.Import));
    }

    private async Task<IRenderedComponent<ImportPreviewPanel>> RenderPreviewAsync()
    {
        var scope = await DeskAsync();
        using var workbook = ImportWorkbooks.Template(ImportKind.HeldPatients);
        workbook.DataSheet(ImportKind.HeldPatients).Fill(2, ImportWorkbooks.HeldPatient("离开", TestIds.Resident(start: 700)));
        using var file = workbook.ToStream();
        var preview = await Services.GetRequiredService<RecordImport>().PreviewAsync(scope, ImportKind.HeldPatients, 0, FileName, file, ImportWorkbooks.Texts(Ui.Chinese));
        Assert.Equal(1, preview.Valid);
        return Render<ImportPreviewPanel>(p => p.Add(x => x.Scope, scope).Add(x => x.Preview, preview));
    }

    private async Task<AccessScope> DeskAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var id = await db.Users.Where(u => u.UserName == "desk").Select(u => u.Id).SingleAsync();
        return await Services.GetRequiredService<AccessScopeResolver>().ResolveAsync(id, "203.0.113.7") ?? throw new InvalidOperationException("desk is disabled.");
    }

    private async Task<List<AuditEvent>> CancelledAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.Where(a => a.Action == AuditActions.ImportCancelled).ToListAsync();
    }

    private async Task<int> CountAsync(string action)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.CountAsync(a => a.Action == action);
    }
}
