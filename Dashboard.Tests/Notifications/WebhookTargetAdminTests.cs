using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Dashboard.Core.Notifications;
using Dashboard.Core.Plans;
using Dashboard.Core.Validation;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Notifications;

/// <summary>
/// Only administrators manage targets (checked on the server, refusals audited); bad input is refused
/// per field with the reason; the secret is never shown or audited; a test message goes through the outbox.
/// </summary>
public sealed class WebhookTargetAdminTests : SeededCoreTests
{
    private WebhookTargetService Targets => Core.Get<WebhookTargetService>();

    private async Task<WebhookTargetInput> InputAsync(WebhookKind kind, string url, string? secret = null) => new()
    {
        RegionId = (await Core.Get<CutoverPlanService>().GetRegionOptionsAsync()).Single(r => r.Code == "hefei").Id,
        Name = "合肥督导群", Kind = kind, Url = url, Secret = secret,
    };

    [Theory]
    [InlineData("supervisor")]
    [InlineData("manager")]
    [InlineData("desk")]
    public async Task Only_administrators_manage_targets_and_every_refusal_is_audited(string userName)
    {
        var admin = await Core.ScopeOf("demo-admin");
        var other = await Core.ScopeOf(userName);
        var created = await Targets.CreateAsync(admin, await InputAsync(WebhookKind.WeCom, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc"));
        var refusalsBefore = await Core.CountAudit(AuditActions.AuthorizationFailed);

        var results = new[]
        {
            (await Targets.CreateAsync(other, await InputAsync(WebhookKind.Generic, "https://example.org/hook"))).Result,
            await Targets.UpdateAsync(other, created.Value, 0, await InputAsync(WebhookKind.Generic, "https://example.org/hook")),
            await Targets.SetActiveAsync(other, created.Value, 0, active: false),
            await Targets.SendTestAsync(other, created.Value),
        };

        Assert.All(results, r => Assert.Equal(CommandStatus.Forbidden, r.Status));
        Assert.Null(await Targets.ListAsync(other));
        Assert.Null(await Targets.DeliveryLogAsync(other));
        Assert.Equal(refusalsBefore + 6, await Core.CountAudit(AuditActions.AuthorizationFailed));
        var target = Assert.Single((await Targets.ListAsync(admin))!);
        Assert.Equal((true, 0L, WebhookKind.WeCom), (target.IsActive, target.Version, target.Kind));
    }

    [Theory]
    [InlineData(WebhookKind.Generic, "not a url", WebhookUrl.Invalid)]
    [InlineData(WebhookKind.Generic, "ftp://example.org/hook", WebhookUrl.Invalid)]
    [InlineData(WebhookKind.Generic, "https://user:pw@example.org/hook", WebhookUrl.Invalid)]
    [InlineData(WebhookKind.Generic, "http://example.org/hook", WebhookUrl.HttpsRequired)]
    [InlineData(WebhookKind.WeCom, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send", WebhookUrl.WeComKeyMissing)]
    [InlineData(WebhookKind.DingTalk, "https://oapi.dingtalk.com/robot/send?access_token=", WebhookUrl.DingTalkTokenMissing)]
    [InlineData(WebhookKind.DingTalk, "", ValidationErrors.Required)]
    public async Task An_unusable_url_is_refused_with_its_reason_on_the_url_field(WebhookKind kind, string url, string reason)
    {
        var result = await Targets.CreateAsync(await Core.ScopeOf("demo-admin"), await InputAsync(kind, url));

        Assert.Equal(CommandStatus.Invalid, result.Result.Status);
        Assert.Equal([Message.FromKey(reason)], result.Result.Errors[nameof(WebhookTargetInput.Url)]);
        Assert.Single(result.Result.Errors);
    }

    [Fact]
    public async Task No_events_and_a_threshold_out_of_range_are_refused_on_their_fields()
    {
        var input = await InputAsync(WebhookKind.Generic, "https://example.org/hook");
        (input.Events, input.OverdueThreshold, input.Name) = (NotificationEvents.None, 0, " ");

        var result = await Targets.CreateAsync(await Core.ScopeOf("demo-admin"), input);

        Assert.Equal(
            [nameof(input.Events), nameof(input.Name), nameof(input.OverdueThreshold)],
            result.Result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new Message(WebhookTargetService.ThresholdRange, "1", "100000"), result.Result.Errors[nameof(input.OverdueThreshold)][0]);
    }

    [Fact]
    public async Task The_secret_and_the_robot_key_are_never_shown_or_audited_and_an_edit_keeps_them_unless_replaced()
    {
        var admin = await Core.ScopeOf("demo-admin");
        const string key = "0123456789abcdef-robot-key-9f3a";
        const string secret = "SEC0123456789abcdef0123456789abcdef";
        var created = await Targets.CreateAsync(admin, await InputAsync(WebhookKind.DingTalk, $"https://oapi.dingtalk.com/robot/send?access_token={key}", secret));
        var row = Assert.Single((await Targets.ListAsync(admin))!);

        var edit = await InputAsync(WebhookKind.DingTalk, "");
        edit.Name = "合肥切换指挥群";
        var updated = await Targets.UpdateAsync(admin, created.Value, row.Version, edit);

        Assert.True(updated.Succeeded);
        Assert.Equal("https://oapi.dingtalk.com/robot/send?access_token=••••9f3a", row.MaskedUrl);
        Assert.True(row.HasSecret);
        await using var db = Core.CreateDb();
        var target = await db.WebhookTargets.SingleAsync();
        Assert.Equal((secret, "合肥切换指挥群"), (target.Secret, target.Name));
        Assert.EndsWith(key, target.Url, StringComparison.Ordinal);
        var audit = await db.AuditEvents.Where(a => a.EntityType == nameof(WebhookTarget)).ToListAsync();
        Assert.Equal([AuditActions.Create, AuditActions.Update], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.DoesNotContain(secret, a.BeforeJson + a.AfterJson, StringComparison.Ordinal));
        Assert.All(audit, a => Assert.DoesNotContain(key, a.BeforeJson + a.AfterJson, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_test_message_is_queued_for_an_active_target_and_a_deactivated_target_gets_none()
    {
        var admin = await Core.ScopeOf("demo-admin");
        var created = await Targets.CreateAsync(admin, await InputAsync(WebhookKind.Generic, "https://example.org/hook"));

        var sent = await Targets.SendTestAsync(admin, created.Value);
        var deactivated = await Targets.SetActiveAsync(admin, created.Value, 0, active: false);
        var notSent = await Targets.SendTestAsync(admin, created.Value);

        Assert.Equal((CommandStatus.Ok, CommandStatus.Ok, CommandStatus.NotFound), (sent.Status, deactivated.Status, notSent.Status));
        await using var db = Core.CreateDb();
        var message = await db.NotificationMessages.SingleAsync();
        Assert.StartsWith("test:", message.EventKey, StringComparison.Ordinal);
        Assert.Equal(1, await Core.CountAudit(AuditActions.Deactivate, created.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
