using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd.Pages;

/// <summary>The region page's 计划设置 dialog: names, catch-up rule and time zone, source notice.</summary>
internal sealed class PlanSettingsDialog(IPage page, string culture = Ui.Chinese)
{
    public ILocator Root { get; } = page.GetByRole(AriaRole.Dialog);

    public ILocator OldSystemZh => Root.GetByLabel(Ui.Label("PlanSettings_OldSystemZh", culture));

    public ILocator OldSystemEn => Field("PlanSettings_OldSystemEn");

    public ILocator NewSystemZh => Root.GetByLabel(Ui.Label("PlanSettings_NewSystemZh", culture));

    public ILocator NewSystemEn => Field("PlanSettings_NewSystemEn");

    public ILocator WorkingDays => Field("PlanSettings_WorkingDays");

    public ILocator Link => Field("PlanSettings_SourceUrl");

    public ILocator Issuer => Field("PlanSettings_SourceIssuer");

    public ILocator Save => Root.GetByRole(AriaRole.Button, new() { Name = Ui.In(culture, "Common_Save"), Exact = true });

    private ILocator Field(string key) => Root.GetByLabel(Ui.In(culture, key), new() { Exact = true });

    /// <summary>The server's message under a field: the alert in the field's own message box.</summary>
    public static ILocator MessageUnder(ILocator field) =>
        field.Locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' message-under ')][1]").GetByRole(AriaRole.Alert);

    /// <summary>Every message shown under a field of the dialog.</summary>
    public ILocator Messages => Root.Locator(".message-under").GetByRole(AriaRole.Alert);
}
