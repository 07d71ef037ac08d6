using ClosedXML.Excel;
using Dashboard.Core.Import;
using Dashboard.Tests.Import;
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

    /// <summary>Picks what the file holds (held patients or paper forms) in the upload panel's list.</summary>
    public async Task ChooseKindAsync(ImportKind kind)
    {
        var select = Page.GetByLabel(Ui.Text("Import_KindLabel"), new() { Exact = true });
        await select.ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = Ui.Text(ImportColumns.SheetKey(kind)), Exact = true }).ClickAsync();

        // The choice is the server's once the select shows it and its list has closed; the template's button reads it.
        await Microsoft.Playwright.Assertions.Expect(select).ToContainTextAsync(Ui.Text(ImportColumns.SheetKey(kind)));
        await Microsoft.Playwright.Assertions.Expect(OpenPopover).ToHaveCountAsync(0);
    }

    /// <summary>An administrator's facility picker; its options read "region · facility".</summary>
    public ILocator Facility => Page.GetByLabel(Ui.Text("Import_Facility"), new() { Exact = true });

    public async Task ChooseFacilityAsync(string facilityName)
    {
        await Facility.ClickAsync();
        await Page.GetByRole(AriaRole.Option).Filter(new() { HasText = " · " + facilityName }).ClickAsync();
    }

    /// <summary>
    /// Downloads the template of the chosen kind through the page's button, types rows into its data sheet as a
    /// clerk would (<paramref name="fill"/>, with ClosedXML) and saves it to a temporary file, deleted with the result.
    /// </summary>
    public async Task<FilledTemplate> DownloadAndFillTemplateAsync(ImportKind kind, Action<IXLWorksheet> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var download = await Page.RunAndWaitForDownloadAsync(() => DownloadTemplate.ClickAsync());
        // Under the name the app gave it, as a clerk's file would be (the preview shows it), in a folder of its own.
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}")).FullName;
        var path = Path.Combine(folder, download.SuggestedFilename);
        await using (var template = File.OpenRead(await download.PathAsync()))
        using (var workbook = new XLWorkbook(template))
        {
            fill(workbook.DataSheet(kind));
            workbook.SaveAs(path);
        }

        return new FilledTemplate(path, download.SuggestedFilename);
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

    /// <summary>Imports the preview's valid rows, reads the outcome the page says, and opens the list they went to.</summary>
    public async Task CommitAndOpenListAsync(int validRows, string screenshot)
    {
        await Commit(validRows).ClickAsync();
        await Assertions.Expect(Outcome).ToHaveTextAsync(Ui.Text("Import_Done", validRows));
        await Page.ScreenshotIfAskedAsync(screenshot);
        await OpenList.ClickAsync();
    }
}

/// <summary>A downloaded template with rows typed in: where it is saved, and the name the app gave the download.</summary>
internal sealed record FilledTemplate(string Path, string DownloadName) : IDisposable
{
    public void Dispose() => Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
}
