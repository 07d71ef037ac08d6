using System.Globalization;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd.Pages;

/// <summary>/regions/{code}: the milestones as a timeline and, for supervisors and administrators, their actions.</summary>
internal sealed class RegionPage(IPage page, string code) : AppShell(page)
{
    public const string TimeFormat = "yyyy-MM-dd HH:mm";

    public Task OpenAsync() => Page.OpenAsync($"/regions/{code}");

    /// <summary>The timeline's entries; MudBlazor's timeline has no list roles, each entry is marked with its kind.</summary>
    public ILocator Milestones => Page.Locator(".milestone");

    public ILocator Milestone(string kind) => Page.Locator($".milestone[data-kind='{kind}']");

    /// <summary>A milestone's time as the notice wrote it, e.g. "2021-11-30 18:00"; the timeline shows it as its first line.</summary>
    public ILocator TimeOf(string kind) => Milestone(kind).Locator(".milestone-time");

    public async Task<DateTime> LocalTimeOfAsync(string kind) =>
        DateTime.ParseExact((await TimeOf(kind).TextContentAsync())!.Trim(), TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>The catch-up deadline as the card shows it, e.g. "2027-04-05 24:00 前".</summary>
    public ILocator Deadline => Page.Locator(".catch-up-card .deadline-date");

    /// <summary>The card's note that local calendar adjustments changed the count, e.g. "含本地调整 1 天".</summary>
    public ILocator LocalAdjustments => Page.Locator(".catch-up-card .deadline-local-adjustments");

    public ILocator Action(string kind, string key) =>
        Milestone(kind).GetByRole(AriaRole.Button, new() { Name = Ui.Text(key), Exact = true });

    public async Task<MoveMilestoneDialog> StartMoveAsync(string kind)
    {
        await Action(kind, "MS_Move").ClickAsync();
        return new MoveMilestoneDialog(Page);
    }

    /// <summary>The line under the heading: old system → new system · time zone.</summary>
    public ILocator Systems => Page.Locator(".plan-systems");

    /// <summary>The catch-up deadline card's last day ("2027-03-29 24:00 前").</summary>
    public ILocator DeadlineDate => Page.Locator(".catch-up-card .deadline-date");

    public ILocator Settings(string culture = Ui.Chinese) =>
        Page.GetByRole(AriaRole.Button, new() { Name = Ui.In(culture, "PlanSettings_Open"), Exact = true });

    /// <summary>Opens 计划设置 and waits until it shows the plan's values.</summary>
    public async Task<PlanSettingsDialog> OpenSettingsAsync(string culture = Ui.Chinese)
    {
        await Settings(culture).ClickAsync();
        var dialog = new PlanSettingsDialog(Page, culture);
        await Microsoft.Playwright.Assertions.Expect(dialog.OldSystemZh).Not.ToHaveValueAsync("");
        return dialog;
    }

    /// <summary>Shows a milestone's history; returns it.</summary>
    public async Task<ILocator> ShowHistoryAsync(string kind)
    {
        await Action(kind, "History_Title").ClickAsync();
        return Milestone(kind).Locator(".record-history");
    }
}

/// <summary>The move dialog: a new time and a reason.</summary>
internal sealed class MoveMilestoneDialog(IPage page)
{
    public ILocator Root { get; } = page.GetByRole(AriaRole.Dialog);

    public ILocator NewTime => Root.GetByLabel(Ui.Text("MS_NewTime"), new() { Exact = true });

    public ILocator Reason => Root.GetByLabel(Ui.Text("Status_Reason"), new() { Exact = true });

    public ILocator Move => Root.GetByRole(AriaRole.Button, new() { Name = Ui.Text("MS_Move"), Exact = true });

    public ILocator Message => Root.GetByRole(AriaRole.Alert);
}

/// <summary>/admin/plans/new: a new region's plan shifted from a template, with the people in charge.</summary>
internal sealed class NewPlanPage(IPage page) : AppShell(page)
{
    public Task OpenAsync() => Page.OpenAsync("/admin/plans/new");

    public ILocator Template => Page.GetByLabel(Ui.Text("Plan_Template"), new() { Exact = true });

    public ILocator Stop => Page.GetByLabel(Ui.Text("Plan_NewStop"), new() { Exact = true });

    public ILocator People => Page.GetByLabel(Ui.Text("Plan_People"), new() { Exact = true });

    /// <summary>The message under a field, found from the field's label.</summary>
    public ILocator MessageUnder(ILocator field) => Page.Locator(".message-under").Filter(new() { Has = field }).GetByRole(AriaRole.Alert);

    public async Task FillRegionAsync(string code, string nameZh, string nameEn)
    {
        await Page.GetByLabel(Ui.Text("Plan_Code"), new() { Exact = true }).FillAsync(code);
        await Page.GetByLabel(Ui.Text("Plan_NameZh"), new() { Exact = true }).FillAsync(nameZh);
        await Page.GetByLabel(Ui.Text("Plan_NameEn"), new() { Exact = true }).FillAsync(nameEn);
    }

    /// <summary>Switches to copying a template (the page opens on pasting a notice) and picks one.</summary>
    public async Task ChooseTemplateAsync(string regionName)
    {
        await Page.GetByRole(AriaRole.Tab, new() { Name = Ui.Text("Plan_FromTemplate"), Exact = true }).ClickAsync();
        await Template.ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = regionName, Exact = true }).ClickAsync();
    }

    /// <summary>Ticks one person in the multi-select (its options read "name (user) · role") and closes the list.</summary>
    public async Task ChoosePersonAsync(string displayName)
    {
        await People.ClickAsync();
        var option = Page.GetByRole(AriaRole.Option).Filter(new() { HasText = displayName }).First;
        await option.ClickAsync();

        // As a person does: they see the tick before they close the list (an Escape sent while the
        // server is still applying the click can be overtaken by the list's own re-render).
        await Microsoft.Playwright.Assertions.Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        await Page.Keyboard.PressAsync("Escape");
        await Microsoft.Playwright.Assertions.Expect(Page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
    }

    /// <summary>Creates a plan from the default template (合肥) with the demo supervisor in charge and waits for its region page.</summary>
    public async Task CreateAsync(string code, string nameZh, string nameEn, DateTime localStop)
    {
        await ChooseTemplateAsync("合肥");
        await Stop.FillAsync(localStop.ToString(RegionPage.TimeFormat, CultureInfo.InvariantCulture));
        await FillRegionAsync(code, nameZh, nameEn);
        await ChoosePersonAsync(Dashboard.Core.Seeding.DemoAccounts.Supervisor.DisplayName);
        await Button("Plan_Create").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(Heading(nameZh)).ToBeVisibleAsync();
        await Page.WaitInteractiveAsync();
    }
}

/// <summary>The "paste the notice" tab of /admin/plans/new and its proposed milestones.</summary>
internal sealed class NoticePlanForm(IPage page)
{
    public ILocator NoticeText => page.GetByLabel(Ui.Text("Plan_NoticeText"), new() { Exact = true });

    public ILocator Read => page.GetByRole(AriaRole.Button, new() { Name = Ui.Text("Plan_NoticeRead"), Exact = true });

    public ILocator Found => page.Locator(".notice-found");

    public ILocator OldSystem => page.GetByLabel(Ui.Text("Plan_OldSystem"), new() { Exact = true });

    public ILocator NewSystem => page.GetByLabel(Ui.Text("Plan_NewSystem"), new() { Exact = true });

    public ILocator Rows => page.Locator(".notice-row");

    /// <summary>The first proposal whose time field reads <paramref name="localTime"/> (what the box shows, not its markup).</summary>
    public async Task<ILocator> RowAtAsync(string localTime)
    {
        await Microsoft.Playwright.Assertions.Expect(Rows.First).ToBeVisibleAsync();
        var index = await Rows.EvaluateAllAsync<int>(
            "(rows, time) => rows.findIndex(r => r.querySelector('[data-field=LocalTime]').value === time)", localTime);
        Assert.True(index >= 0, $"No proposal at {localTime}.");
        return Rows.Nth(index);
    }

    public static ILocator TimeOf(ILocator row) => row.Locator("[data-field=LocalTime]");

    public static ILocator Keep(ILocator row) => row.Locator("input[type=checkbox]").First;

    public ILocator MessageUnder(ILocator field) => page.Locator(".message-under").Filter(new() { Has = field }).GetByRole(AriaRole.Alert);
}

/// <summary>The add/edit milestone dialog.</summary>
internal sealed class MilestoneEditorDialog(IPage page)
{
    public ILocator Root { get; } = page.GetByRole(AriaRole.Dialog);

    public ILocator Time => Root.GetByLabel(Ui.Text("MS_Time"), new() { Exact = true });

    public ILocator End => Root.GetByLabel(Ui.Text("MS_EndTime"), new() { Exact = true });

    public ILocator TitleZh => Root.GetByLabel(Ui.Text("MS_TitleZh"), new() { Exact = true });

    public ILocator Save => Root.GetByRole(AriaRole.Button, new() { Name = Ui.Text("Common_Save"), Exact = true });

    /// <summary>The message under the field labelled <paramref name="labelKey"/> (the inner locator is matched inside each wrapper, so it is not rooted at the dialog).</summary>
    public ILocator MessageUnder(string labelKey) =>
        Root.Locator(".message-under").Filter(new() { Has = page.GetByLabel(Ui.Text(labelKey), new() { Exact = true }) }).GetByRole(AriaRole.Alert);
}
