using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd.Pages;

/// <summary>/import: the template, the upload with its limits and refusals, the preview and its choice.</summary>
internal sealed class ImportPage(IPage page, string culture = Ui.Chinese) : AppShell(page)
{
    public ILocator ChooseFile => Page.GetByRole(AriaRole.Button, new() { Name = Ui.In(culture, "Import_ChooseFile"), Exact = true });

    public ILocator DownloadTemplate => Button("Import_DownloadTemplate");

    /// <summary>
    /// Presses the upload button and chooses the file in the picker it opens, as a clerk does. Setting the hidden
    /// input directly raced the page: a file set before the input's script had started was never read (seen in CI).
    /// </summary>
    public async Task UploadAsync(string path)
    {
        var chooser = await Page.RunAndWaitForFileChooserAsync(() => ChooseFile.ClickAsync());
        await chooser.SetFilesAsync(path);
    }

    /// <summary>A whole file's refusal, shown in the upload panel next to the button.</summary>
    public ILocator Refusal => Page.Locator(".import-upload").GetByRole(AriaRole.Alert);

    public ILocator Summary => Page.Locator(".import-summary");

    public ILocator Outcome => Page.Locator(".import-outcome");

    /// <summary>The preview's error table rows: each as (row number, column, message) the way the user reads them.</summary>
    public async Task<IReadOnlyList<(string Row, string Column, string Message)>> ErrorsAsync()
    {
        var rows = Page.Locator(".import-errors").GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Cell) });
        var result = new List<(string, string, string)>();
        foreach (var row in await rows.AllAsync())
        {
            var cells = await row.GetByRole(AriaRole.Cell).AllInnerTextsAsync();
            result.Add((cells[0].Trim(), cells[1].Trim(), cells[2].Trim()));
        }

        return result;
    }

    public ILocator Commit(int validRows) => Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text("Import_Commit", validRows), Exact = true });

    public ILocator OpenList => Page.GetByRole(AriaRole.Link, new() { Name = Ui.Text("Import_OpenList"), Exact = true });
}
