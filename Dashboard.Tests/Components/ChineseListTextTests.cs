using Dashboard.Core.Records;
using Dashboard.Core.Time;
using System.Globalization;
using Bunit;
using Dashboard.Components.Pages.CatchUp;
using Dashboard.Components.Shared;
using Dashboard.Core.Access;
using Dashboard.Core.CatchUp;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Persistence;
using Dashboard.Core.Seeding;
using Dashboard.Localization;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static Dashboard.Tests.Infrastructure.TestClocks;

namespace Dashboard.Tests.Components;

/// <summary>What a Chinese clerk reads under a list and in a record's history: no English from the component library, no field names, no UTC.</summary>
public sealed class ChineseListTextTests : ComponentTestContext
{
    public ChineseListTextTests()
        : base(FirstStart) =>
        Services.AddTransient<MudLocalizer, ResourceMudLocalizer>();

    private async Task<AccessScope> DeskAsync()
    {
        string userId;
        await using (var db = await Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            userId = await db.Users.Where(u => u.UserName == DemoAccounts.Desk.UserName).Select(u => u.Id).SingleAsync();
        }

        return (await Services.GetRequiredService<AccessScopeResolver>().ResolveAsync(userId, null))!;
    }

    private static HeldPatientInput Spanning(int index) => new()
    {
        Category = HeldPatientCategory.InpatientSpanningOutage,
        PatientName = "分页" + index.ToString(CultureInfo.InvariantCulture),
        IdNumber = TestIds.Resident(start: 700 + index),
        AdmittedAt = "2026-11-20 09:30",
    };

    private async Task<int> LogAsync(AccessScope desk, HeldPatientInput input)
    {
        var result = await Services.GetRequiredService<HeldPatientService>().CreateAsync(desk, input);
        Assert.True(result.Succeeded, string.Join(", ", result.Result.Errors.SelectMany(e => e.Value)));
        return result.Value;
    }

    private async Task<IRenderedComponent<CatchUpHeldPreview>> RenderPreviewOfTwelveAsync()
    {
        var desk = await DeskAsync();
        for (var i = 0; i < 12; i++)
        {
            await LogAsync(desk, Spanning(i));
        }

        var preview = Render<CatchUpHeldPreview>(p => p.Add(x => x.Scope, desk).Add(x => x.Filter, new CatchUpFilter()));
        await preview.WaitForAssertionAsync(() => Assert.Equal(10, preview.FindAll("tbody tr").Count), TimeSpan.FromSeconds(10));
        return preview;
    }

    private static string[] PagerLabels(IRenderedComponent<CatchUpHeldPreview> preview) =>
        [.. preview.FindAll(".mud-table-pagination-actions button").Select(b => b.GetAttribute("aria-label") ?? "")];

    [Fact]
    public async Task The_pager_counts_and_labels_its_buttons_in_chinese()
    {
        using var _ = new UiCulture("zh-CN");

        var preview = await RenderPreviewOfTwelveAsync();

        Assert.Equal("第 1-10 条，共 12 条", preview.Find(".mud-table-page-number-information").TextContent.Trim());
        Assert.Equal(["第一页", "上一页", "下一页", "最后一页"], PagerLabels(preview));
        Assert.DoesNotContain(" of ", preview.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pager_stays_english_in_english()
    {
        using var _ = new UiCulture("en");

        var preview = await RenderPreviewOfTwelveAsync();

        Assert.Contains("1-10 of 12", preview.Markup, StringComparison.Ordinal);
        Assert.Equal(["First page", "Previous page", "Next page", "Last page"], PagerLabels(preview));
    }

    [Fact]
    public async Task A_records_history_names_fields_and_statuses_in_chinese_with_local_times()
    {
        using var _ = new UiCulture("zh-CN");
        var desk = await DeskAsync();
        var id = await LogAsync(desk, Spanning(0));
        var service = Services.GetRequiredService<HeldPatientService>();
        var queries = Services.GetRequiredService<HeldPatientQueries>();
        var edited = Spanning(0);
        edited.AdmittedAt = "2026-11-20 10:00";
        Assert.True((await service.UpdateAsync(desk, id, (await queries.GetAsync(desk, id))!.Version, edited)).Succeeded);
        Assert.True((await service.ChangeStatusAsync(desk, id, (await queries.GetAsync(desk, id))!.Version,
            new StatusChange<HeldPatientStatus>(HeldPatientStatus.ReRegistered, Number: "NP-1"))).Succeeded);

        var history = Render<RecordHistory>(p => p
            .Add(x => x.EntityType, nameof(HeldPatient))
            .Add(x => x.EntityId, id.ToString(CultureInfo.InvariantCulture))
            .Add(x => x.TimeZone, RegionTimeZone.Default));

        await history.WaitForAssertionAsync(() => Assert.Equal(3, history.FindAll(".mud-timelineitem, .mud-timeline-item").Count), TimeSpan.FromSeconds(10));
        var changes = history.FindAll(".history-change").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["状态：已登记 → 已补登记", "新平台登记 / 结算号：— → NP-1", "入院时间：2026-11-20 09:30 → 2026-11-20 10:00"], changes);
        Assert.DoesNotContain("Utc", history.Markup, StringComparison.Ordinal);
    }
}
