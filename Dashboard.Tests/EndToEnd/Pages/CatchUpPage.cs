using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd.Pages;

/// <summary>/catch-up: the filters, the live counts and the Excel export.</summary>
internal sealed class CatchUpPage(IPage page, string culture = Ui.Chinese) : AppShell(page)
{
    public ILocator Export => Button("CU_Export");

    /// <summary>A counter's number, e.g. "CU_HeldOutstanding" (待补录患者); the counter is a group named by its caption.</summary>
    public ILocator Count(string labelKey) =>
        Page.GetByRole(AriaRole.Group, new() { Name = Ui.Text(labelKey), Exact = true }).GetByRole(AriaRole.Paragraph);

    /// <summary>The held-patient preview (the first tab): its rows and its pager.</summary>
    public ILocator HeldPreview => Page.Locator(".catch-up-held");

    public ListPager HeldPager => new(HeldPreview);

    public Task OpenAsync() => Page.OpenAsync("/catch-up");

    /// <summary>Presses "导入补录结果" and chooses the file in the picker it opens, as a manager does.</summary>
    public async Task ChooseReEntryFileAsync(string path)
    {
        var upload = Page.GetByRole(AriaRole.Button, new() { Name = Ui.In(culture, "ReEntry_Upload"), Exact = true });
        var chooser = await Page.RunAndWaitForFileChooserAsync(() => upload.ClickAsync());
        await chooser.SetFilesAsync(path);
    }

    /// <summary>Why a file was refused, shown under the import button.</summary>
    public ILocator ReEntryProblem => Page.Locator(".re-entry-problem");

    public ILocator ReEntryPreview => Page.Locator(".re-entry-preview");

    public ILocator ReEntryCounts => ReEntryPreview.Locator(".re-entry-counts");

    public ILocator ReEntryProblemRow(string text) => ReEntryPreview.Locator(".re-entry-problems tr").Filter(new() { HasText = text });

    public ILocator ReEntryApply => ReEntryPreview.Locator(".re-entry-apply");
}

/// <summary>A manager's export dialog: masked or full ID numbers and phones, and the purpose of full ones.</summary>
internal sealed class ExportPersonalDataDialog(IPage page)
{
    public ILocator Root { get; } = page.GetByRole(AriaRole.Dialog);

    public ILocator Masked => Choice("Export_Masked");

    public ILocator Full => Choice("Export_FullForReentry");

    public ILocator Purpose => Root.GetByLabel(Ui.Label("Export_Purpose"));

    public ILocator Export => Root.GetByRole(AriaRole.Button, new() { Name = Ui.Text("CU_Export"), Exact = true });

    /// <summary>The server's message under the purpose box.</summary>
    public ILocator PurposeMessage => PlanSettingsDialog.MessageUnder(Purpose);

    private ILocator Choice(string key) =>
        Root.GetByRole(AriaRole.Radiogroup, new() { Name = Ui.Text("Export_PersonalData"), Exact = true }).GetByRole(AriaRole.Radio, new() { Name = Ui.Text(key), Exact = true });
}
