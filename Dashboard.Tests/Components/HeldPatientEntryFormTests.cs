using Bunit;
using Dashboard.Components.Pages.HeldPatients;
using Dashboard.Core.Access;
using Dashboard.Core.Drafts;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Persistence;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static Dashboard.Tests.Infrastructure.TestClocks;

namespace Dashboard.Tests.Components;

/// <summary>The entry form's behaviour: messages next to fields, category fields, drafts, duplicates, Enter, save and add another.</summary>
public sealed class HeldPatientEntryFormTests() : ComponentTestContext(FirstStart)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly List<HeldPatientInput> _saved = [];
    private readonly List<int> _opened = [];
    private bool _providerRendered;

    private async Task<(IRenderedComponent<HeldPatientEntry> Form, AccessScope Scope)> RenderFormAsync(bool saveForReal = false, string draftKey = "held-patient:new:a")
    {
        if (!_providerRendered)
        {
            Render<MudPopoverProvider>();
            _providerRendered = true;
        }

        var scope = await ScopeOf(DemoAccounts.Desk.UserName);
        var context = (await Services.GetRequiredService<HeldPatientService>().GetFormContextAsync(scope))!;
        var form = Render<HeldPatientEntry>(p => p
            .Add(x => x.Context, context)
            .Add(x => x.Scope, scope)
            .Add(x => x.DraftKey, draftKey)
            .Add(x => x.AllowAddAnother, true)
            .Add(x => x.OnSaved, id => _opened.Add(id))
            .Add(x => x.OnSave, async input =>
            {
                _saved.Add(input.Clone());
                return saveForReal ? await Services.GetRequiredService<HeldPatientService>().CreateAsync(scope, input) : new CommandResult<int>(CommandResult.Ok(), 1);
            }));
        await form.WaitForElementAsync("input[data-field='PatientName']", Patience);
        return (form, scope);
    }

    private async Task<AccessScope> ScopeOf(string userName) =>
        (await Services.GetRequiredService<AccessScopeResolver>().ResolveAsync(UserIdOf(userName), null))!;

    private string UserIdOf(string userName)
    {
        using var db = Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext();
        return db.Users.Single(u => u.UserName == userName).Id;
    }

    private static void Type(IRenderedComponent<HeldPatientEntry> form, string field, string value) =>
        form.Find($"input[data-field='{field}'], textarea[data-field='{field}']").Input(value);

    private static string? MessageUnder(IRenderedComponent<HeldPatientEntry> form, string field) =>
        form.FindAll($"#{field}-error").SingleOrDefault()?.TextContent;

    [Fact]
    public async Task Each_bad_id_in_a_row_shows_its_own_reason_next_to_the_field()
    {
        using var _ = new UiCulture("zh-CN");
        var (form, _) = await RenderFormAsync();
        var valid = TestIds.Resident(birth: "19491231");

        // A valid number first, then one bad number after another: each reason must show (MudBlazor's
        // own error state kept the first value and hid every later reason).
        Type(form, "IdNumber", valid);
        await form.WaitForAssertionAsync(() => Assert.Null(MessageUnder(form, "IdNumber")), Patience);
        (string Id, string Reason)[] cases =
        [
            (valid[..17] + (valid[17] == '1' ? '2' : '1'), "校验位不对"),
            ("110105194902300021", "出生日期不存在"),
            (valid[..17], "应为 18 位，现在是 17 位"),
            ("110105491231002", "旧的 15 位身份证号"),
            (TestIds.Resident(birth: "18800101"), "早于 1890 年"),
        ];
        foreach (var (id, reason) in cases)
        {
            Type(form, "IdNumber", id);
            await form.WaitForAssertionAsync(() => Assert.Contains(reason, MessageUnder(form, "IdNumber") ?? "", StringComparison.Ordinal), Patience);
            Assert.Equal("true", form.Find("input[data-field='IdNumber']").GetAttribute("aria-invalid"));
        }

        Type(form, "IdNumber", valid.ToLowerInvariant());
        await form.WaitForAssertionAsync(() => Assert.Null(MessageUnder(form, "IdNumber")), Patience);
    }

    [Fact]
    public async Task Errors_appear_only_for_touched_fields_until_save_names_the_fields_to_fix()
    {
        using var _ = new UiCulture("zh-CN");
        var (form, _) = await RenderFormAsync();
        Assert.Null(MessageUnder(form, "PatientName"));

        form.Find(".save-button").Click();

        await form.WaitForAssertionAsync(() => Assert.Contains("请先修正标红的内容：姓名、证件号码", form.Find(".entry-problem").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal("必填", MessageUnder(form, "PatientName"));
        Assert.DoesNotContain("Required", form.Markup, StringComparison.Ordinal);
        Assert.Empty(_saved);
    }

    [Fact]
    public async Task A_name_longer_than_the_limit_is_kept_and_refused_with_both_numbers()
    {
        using var _ = new UiCulture("zh-CN");
        var (form, _) = await RenderFormAsync();

        Type(form, "PatientName", new string('长', 200));

        await form.WaitForAssertionAsync(() => Assert.Equal("最多 50 个字，现在 200 个，请删减。", MessageUnder(form, "PatientName")), Patience);
        var maxLength = int.Parse(form.Find("input[data-field='PatientName']").GetAttribute("maxlength")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(maxLength >= 200, "The browser must not cut a 200-character paste to the rule's limit.");
    }

    [Fact]
    public async Task Enter_in_a_field_saves()
    {
        using var _ = new UiCulture("zh-CN");
        var (form, _) = await RenderFormAsync();
        Type(form, "PatientName", "回车保存");
        Type(form, "IdNumber", TestIds.Resident(start: 40));

        await form.Find("input[data-field='IdNumber']").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        await form.WaitForAssertionAsync(() => Assert.Equal("回车保存", Assert.Single(_saved).PatientName), Patience);
        Assert.Equal([1], _opened);
    }

    [Fact]
    public async Task Save_and_add_another_keeps_the_category_and_clears_the_patient()
    {
        using var _ = new UiCulture("zh-CN");
        var (form, _) = await RenderFormAsync();
        Type(form, "PatientName", "高翔");
        Type(form, "IdNumber", TestIds.Resident());
        Type(form, "Department", "骨科");

        form.Find(".save-next-button").Click();

        await form.WaitForAssertionAsync(() => Assert.Single(_saved), Patience);
        Assert.Equal("高翔", _saved[0].PatientName);
        Assert.Equal(HeldPatientCategory.InpatientSpanningOutage, _saved[0].Category);
        await form.WaitForAssertionAsync(() => Assert.Equal("", form.Find("input[data-field='PatientName']").GetAttribute("value") ?? ""), Patience);
        Assert.Equal("骨科", form.Find("input[data-field='Department']").GetAttribute("value"));
        Assert.Empty(_opened);
    }

    [Fact]
    public async Task Each_form_instance_keeps_its_own_draft_and_gets_it_back()
    {
        using var _ = new UiCulture("zh-CN");
        var (tabA, scope) = await RenderFormAsync(draftKey: "held-patient:new:tab-a");
        var (tabB, _) = await RenderFormAsync(draftKey: "held-patient:new:tab-b");
        Type(tabA, "PatientName", "甲标签页");
        Type(tabB, "PatientName", "乙标签页");

        Clock.Advance(TimeSpan.FromSeconds(1));

        var drafts = Services.GetRequiredService<DraftService>();
        await tabA.WaitForAssertionAsync(async () => Assert.Equal("甲标签页", (await drafts.LoadAsync<HeldPatientInput>(scope, "held-patient:new:tab-a"))?.Value.PatientName), Patience);
        await tabB.WaitForAssertionAsync(async () => Assert.Equal("乙标签页", (await drafts.LoadAsync<HeldPatientInput>(scope, "held-patient:new:tab-b"))?.Value.PatientName), Patience);
        var (reopenedA, _) = await RenderFormAsync(draftKey: "held-patient:new:tab-a");
        Assert.Equal("甲标签页", reopenedA.Find("input[data-field='PatientName']").GetAttribute("value"));
        Assert.Contains("已恢复您", reopenedA.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pressing_save_again_on_a_duplicate_does_not_save_only_the_explicit_confirm_does()
    {
        using var _ = new UiCulture("zh-CN");
        var (form, _) = await RenderFormAsync(saveForReal: true, draftKey: "held-patient:new:first");
        var id = TestIds.Resident(start: 60);
        Type(form, "PatientName", "马超");
        Type(form, "IdNumber", id);
        form.Find(".save-button").Click();
        await form.WaitForAssertionAsync(() => Assert.Single(_saved), Patience);

        var (second, _) = await RenderFormAsync(saveForReal: true, draftKey: "held-patient:new:second");
        Type(second, "PatientName", "马超");
        Type(second, "IdNumber", id);
        second.Find(".save-next-button").Click();
        await second.WaitForAssertionAsync(() => Assert.Contains("已有时间重叠的记录", second.Find(".save-confirmation").TextContent, StringComparison.Ordinal), Patience);

        // What a second Enter on the focused button does: the check runs again and the warning stays.
        second.Find(".save-next-button").Click();
        second.Find(".save-button").Click();
        await second.WaitForAssertionAsync(() => Assert.Single(second.FindAll(".save-confirmation")), Patience);
        Assert.Single(_saved);

        second.Find(".confirm-save-button").Click();
        await second.WaitForAssertionAsync(() => Assert.Equal(2, _saved.Count), Patience);
    }
}
