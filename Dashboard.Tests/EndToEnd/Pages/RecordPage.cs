using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd.Pages;

/// <summary>A held patient's or a paper form's record page: status, next steps, details, history.</summary>
internal sealed class RecordPage(IPage page) : AppShell(page)
{
    /// <summary>Logs a held patient through the desk's form and returns its record page, live.</summary>
    public static async Task<RecordPage> OfNewHeldPatientAsync(IPage page, string name, string idNumber)
    {
        await page.LogHeldPatientAsync(name, idNumber);
        await page.WaitInteractiveAsync();
        return new RecordPage(page);
    }

    /// <summary>A next-step button, e.g. "HPAction_ReRegistered" (已在新平台补登记).</summary>
    public ILocator Action(string key) => Button(key);

    /// <summary>The record's status as its chip reads, e.g. "HPStatus_Voided" (已作废).</summary>
    public ILocator Status(string key) => Page.GetByText(Ui.Exactly(key));

    /// <summary>A value in the record's details (a definition list).</summary>
    public ILocator Detail(string value) => Page.GetByRole(AriaRole.Definition).Filter(new() { HasText = value });

    public ILocator NoticeSlipLink => Link("HP_NoticeSlip");

    public ILocator EditLink => Link("Common_Edit");

    /// <summary>The history card; MudBlazor's timeline gives its entries no list role.</summary>
    public ILocator History => Page.Locator(".record-history");

    /// <summary>The history's change lines, e.g. "状态：已登记 → 已补登记".</summary>
    public ILocator HistoryChanges => History.Locator(".history-change");

    /// <summary>A history line as the app words it: the field's label, the old value and the new one.</summary>
    public static string Change(string fieldKey, string before, string after) => Ui.Text("History_Change", Ui.Text(fieldKey), before, after);

    /// <summary>Opens a next step's dialog.</summary>
    public async Task<StatusDialog> StartAsync(string actionKey)
    {
        await Action(actionKey).ClickAsync();
        return new StatusDialog(Page);
    }
}

/// <summary>The dialog of a status change or a milestone mark: an optional number, a reason, 确定.</summary>
internal sealed class StatusDialog(IPage page)
{
    public ILocator Root { get; } = page.GetByRole(AriaRole.Dialog);

    public ILocator Number => Root.GetByLabel(Ui.Label("HP_NewPlatformNumber"));

    public ILocator Reason => Root.GetByLabel(Ui.Label("Status_Reason"));

    public ILocator Confirm => Root.GetByRole(AriaRole.Button, new() { Name = Ui.Text("Common_Confirm"), Exact = true });

    /// <summary>The server's reason under a field: an alert inside the dialog.</summary>
    public ILocator Message => Root.GetByRole(AriaRole.Alert);
}
