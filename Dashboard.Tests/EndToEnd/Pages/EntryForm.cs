using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd.Pages;

/// <summary>What the held-patient and paper-form entry forms share (one record pipeline): fields, checks, saving, drafts.</summary>
internal abstract class EntryForm(IPage page, string url) : AppShell(page)
{
    public string Url { get; } = url;

    public ILocator Save => Page.GetByRole(AriaRole.Button, new() { Name = Ui.Text("Common_Save"), Exact = true });

    public ILocator SaveAndNext => Button("HP_SaveAndNext");

    /// <summary>The overlap warning the duplicate check raises before saving.</summary>
    public ILocator DuplicateWarning => Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = Ui.Text("HP_DuplicateTitle") });

    public ILocator SaveAnywayAndNext => Button("Entry_SaveAnywayAndNext");

    public ILocator ReloadLatest => Button("HP_ReloadLatest");

    public ILocator Conflict => Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = Ui.Text("HP_Conflict") });

    /// <summary>The save button's message naming the fields to fix; an alert like the field messages, told apart by its place.</summary>
    public ILocator Problem => Page.Locator(".entry-problem");

    /// <summary>The list of this user's other unsaved entries; an info notice with no role or name of its own.</summary>
    public ILocator UnsavedDrafts => Page.Locator(".unsaved-drafts");

    public Task OpenAsync() => Page.OpenAsync(Url);

    /// <summary>Opens the form without waiting for it to go live, as a clerk who types at once.</summary>
    public async Task OpenWithoutWaitingAsync() => await Page.GotoAsync(Url, new() { WaitUntil = WaitUntilState.Commit });

    /// <summary>A text field by its label (required ones are shown with " *").</summary>
    protected ILocator Field(string labelKey) => Page.GetByLabel(Ui.Label(labelKey));

    /// <summary>
    /// The reason under a field, by the id its input's aria-describedby names (a screen reader reads it with
    /// the field); <paramref name="field"/> is the input's property name, e.g. nameof(HeldPatientInput.IdNumber).
    /// </summary>
    public ILocator ErrorOf(string field) => Page.Locator($"[id='{field}-error']");
}

/// <summary>/held-patients/new and a held patient's edit page.</summary>
internal sealed class HeldPatientForm(IPage page, string url = "/held-patients/new") : EntryForm(page, url)
{
    public ILocator PatientName => Field("HP_PatientName");

    public ILocator IdNumber => Field("HP_IdNumber");

    public ILocator Phone => Field("HP_Phone");

    public ILocator Department => Field("HP_Department");

    public ILocator InvoiceNumbers => Field("HP_InvoiceNumbers");

    public ILocator Notes => Field("HP_Notes");

    /// <summary>Logs a patient with the category's defaults (its times span the rehearsal's stop); returns the record's URL.</summary>
    public async Task<string> LogAsync(string name, string idNumber)
    {
        await OpenAsync();
        await PatientName.FillAsync(name);
        await IdNumber.FillAsync(idNumber);
        await Save.ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/held-patients/\d+$"));
        return Page.Url;
    }
}

/// <summary>/paper-forms/new and a paper form's edit page.</summary>
internal sealed class PaperFormForm(IPage page, string url = "/paper-forms/new") : EntryForm(page, url)
{
    public ILocator SerialNumber => Field("PF_Serial");

    public ILocator PatientName => Field("HP_PatientName");

    public ILocator IdNumber => Field("HP_IdNumber");

    public ILocator Destination => Field("PF_Destination");

    public ILocator IssuedBy => Field("PF_IssuedBy");

    /// <summary>Fills a transfer form's required fields (the kind and the issue time keep their defaults).</summary>
    public async Task FillTransferAsync(string serial, string patientName, string idNumber, string destination, string issuedBy)
    {
        await SerialNumber.FillAsync(serial);
        await PatientName.FillAsync(patientName);
        await IdNumber.FillAsync(idNumber);
        await Destination.FillAsync(destination);
        await IssuedBy.FillAsync(issuedBy);
    }

    /// <summary>The form's record page title: its kind and number.</summary>
    public static string TransferTitle(string serial) => $"{Ui.Text("PFKind_TransferReferral")} {serial}";
}
