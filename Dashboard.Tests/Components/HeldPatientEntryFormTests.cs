using Bunit;
using Dashboard.Components.Pages.HeldPatients;
using Dashboard.Core.Access;
using Dashboard.Core.Drafts;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Components;

/// <summary>The entry form's behaviour: inline validation, category fields, drafts, duplicates, save and add another.</summary>
public sealed class HeldPatientEntryFormTests() : ComponentTestContext(FirstStart)
{
    private static readonly DateTimeOffset FirstStart = new(2026, 11, 22, 4, 0, 0, TimeSpan.Zero);
    private readonly List<HeldPatientInput> _saved = [];
    private bool _providerRendered;

    private async Task<(IRenderedComponent<HeldPatientEntry> Form, AccessScope Scope)> RenderFormAsync(bool saveForReal = false)
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
            .Add(x => x.DraftKey, "held-patient:new")
            .Add(x => x.AllowAddAnother, true)
            .Add(x => x.OnSave, async input =>
            {
                _saved.Add(input.Clone());
                return saveForReal ? await Services.GetRequiredService<HeldPatientService>().CreateAsync(scope, input) : new CommandResult<int>(CommandResult.Ok(), 1);
            }));
        return (form, scope);
    }

    private async Task<AccessScope> ScopeOf(string userName) =>
        (await Services.GetRequiredService<AccessScopeResolver>().ResolveAsync(UserIdOf(userName), null))!;

    private string UserIdOf(string userName)
    {
        using var db = Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Core.Persistence.DashboardDbContext>>().CreateDbContext();
        return db.Users.Single(u => u.UserName == userName).Id;
    }

    private static void Type(IRenderedComponent<HeldPatientEntry> form, string field, string value) =>
        form.Find($"input[data-field='{field}'], textarea[data-field='{field}']").Input(value);

    [Fact]
    public async Task An_invalid_id_shows_its_error_as_the_user_types_and_a_lowercase_x_is_accepted()
    {
        using var _ = new UiCulture("zh-CN");
        var (form, _) = await RenderFormAsync();

        Type(form, "IdNumber", "3401041990030712");
        form.WaitForAssertion(() => Assert.Contains("身份证号应为 18 位", form.Markup, StringComparison.Ordinal));

        Type(form, "IdNumber", TestIds.Resident(endingInX: true).ToLowerInvariant());
        form.WaitForAssertion(() => Assert.DoesNotContain("身份证号应为 18 位", form.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("校验位不对", form.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_appear_only_for_touched_fields_until_save_is_pressed()
    {
        using var _ = new UiCulture("zh-CN");
        var (form, _) = await RenderFormAsync();
        Assert.DoesNotContain("必填", form.Markup, StringComparison.Ordinal);

        form.Find(".save-button").Click();

        form.WaitForAssertion(() => Assert.Contains("请先修正标红的内容", form.Markup, StringComparison.Ordinal));
        Assert.Contains("必填", form.Markup, StringComparison.Ordinal);
        Assert.Empty(_saved);
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

        form.WaitForAssertion(() => Assert.Single(_saved));
        Assert.Equal("高翔", _saved[0].PatientName);
        Assert.Equal(HeldPatientCategory.InpatientSpanningOutage, _saved[0].Category);
        form.WaitForAssertion(() => Assert.Equal("", form.Find("input[data-field='PatientName']").GetAttribute("value") ?? ""));
        Assert.Equal("骨科", form.Find("input[data-field='Department']").GetAttribute("value"));
    }

    [Fact]
    public async Task What_the_user_typed_is_kept_on_the_server_and_restored_in_a_new_form()
    {
        using var _ = new UiCulture("zh-CN");
        var (form, scope) = await RenderFormAsync();
        Type(form, "PatientName", "断线的人");

        Clock.Advance(TimeSpan.FromSeconds(1));

        var drafts = Services.GetRequiredService<DraftService>();
        form.WaitForAssertion(() => Assert.Equal("断线的人", drafts.LoadAsync<HeldPatientInput>(scope, "held-patient:new").GetAwaiter().GetResult()?.Value.PatientName));
        var (reopened, _) = await RenderFormAsync();
        Assert.Equal("断线的人", reopened.Find("input[data-field='PatientName']").GetAttribute("value"));
        Assert.Contains("已恢复您", reopened.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_the_same_person_twice_warns_first_and_saves_only_when_confirmed()
    {
        using var _ = new UiCulture("zh-CN");
        var (form, _) = await RenderFormAsync(saveForReal: true);
        var id = TestIds.Resident(start: 60);
        Type(form, "PatientName", "马超");
        Type(form, "IdNumber", id);
        form.Find(".save-button").Click();
        form.WaitForAssertion(() => Assert.Single(_saved));

        var (second, _) = await RenderFormAsync(saveForReal: true);
        Type(second, "PatientName", "马超");
        Type(second, "IdNumber", id);
        second.Find(".save-button").Click();

        second.WaitForAssertion(() => Assert.Contains("已有时间重叠的记录", second.Markup, StringComparison.Ordinal));
        Assert.Single(_saved);
        second.Find(".save-button").Click();
        second.WaitForAssertion(() => Assert.Equal(2, _saved.Count));
    }
}
