using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Core.Notifications;
using Dashboard.Core.Plans;

namespace Dashboard.Tests.Notifications;

/// <summary>
/// A milestone change reaches each kind of receiver in its own shape: WeCom's and DingTalk's markdown
/// (DingTalk's signature checked by recomputing it here), and the generic JSON object.
/// </summary>
public sealed class WebhookPayloadTests : NotificationTestBase
{
    private const string DingTalkSecret = "SECb8d1c0ffee0123456789abcdef0123456789abcdef0123456789abcdef0123";

    /// <summary>Xinzhou's go-live, 2021-10-31 22:00 (预计), slips to 24:00 of 1 November, still an estimate.</summary>
    private async Task SlipXinzhouGoLiveAsync()
    {
        var goLive = await MilestoneAsync("xinzhou", MilestoneKind.GoLive);
        var moved = await Core.Get<PlanEditingService>().MoveAsync(Admin, goLive.Id, goLive.Version, "2021-11-01 24:00", "割接延期", confirmed: false);
        Assert.True(moved.Succeeded);
    }

    [Fact]
    public async Task WeCom_robot_gets_markdown_content_with_the_time_as_the_notice_writes_it()
    {
        await AddTargetAsync("xinzhou", WebhookKind.WeCom, "/cgi-bin/webhook/send?key=wecom-robot-key");

        await SlipXinzhouGoLiveAsync();
        await ScanAndDeliverAsync();

        var request = Assert.Single(Receiver.Requests);
        Assert.Equal("/cgi-bin/webhook/send", request.Path);
        Assert.Equal("wecom-robot-key", request.Query["key"]);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("markdown", request.Json.GetProperty("msgtype").GetString());
        var content = request.Json.GetProperty("markdown").GetProperty("content").GetString()!;
        Assert.Contains("忻州", content, StringComparison.Ordinal);
        Assert.Contains("时间节点变更", content, StringComparison.Ordinal);
        Assert.Contains("2021-10-31 22:00 → 2021-11-01 24:00（预计）", content, StringComparison.Ordinal);
        Assert.Contains("调整时间 · 系统管理员（演示）", content, StringComparison.Ordinal);
        Assert.Equal(["markdown", "msgtype"], request.Json.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task DingTalk_robot_gets_a_markdown_title_and_text_and_a_signature_made_with_its_secret()
    {
        await AddTargetAsync("xinzhou", WebhookKind.DingTalk, "/robot/send?access_token=dingtalk-token", secret: DingTalkSecret);

        await SlipXinzhouGoLiveAsync();
        await ScanAndDeliverAsync();

        var request = Assert.Single(Receiver.Requests);
        Assert.Equal("/robot/send", request.Path);
        Assert.Equal("dingtalk-token", request.Query["access_token"]);
        var timestamp = request.Query["timestamp"];
        Assert.Equal(Core.Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), timestamp);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(DingTalkSecret), Encoding.UTF8.GetBytes(timestamp + "\n" + DingTalkSecret)));
        Assert.Equal(expected, request.Query["sign"]);
        Assert.Equal("markdown", request.Json.GetProperty("msgtype").GetString());
        var markdown = request.Json.GetProperty("markdown");
        Assert.Equal("忻州 · 时间节点变更", markdown.GetProperty("title").GetString());
        Assert.Contains("2021-11-01 24:00（预计）", markdown.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generic_webhook_gets_the_documented_json_object()
    {
        await AddTargetAsync("xinzhou", WebhookKind.Generic, "/hooks/cutover");
        var goLive = await MilestoneAsync("xinzhou", MilestoneKind.GoLive);

        await SlipXinzhouGoLiveAsync();
        await ScanAndDeliverAsync();

        var json = Assert.Single(Receiver.Requests).Json;
        Assert.Equal("milestoneChanged", json.GetProperty("event").GetString());
        Assert.Equal(Core.Clock.GetUtcNow(), json.GetProperty("occurredUtc").GetDateTimeOffset());
        Assert.Equal(("xinzhou", "忻州", "Xinzhou"), (
            json.GetProperty("region").GetProperty("code").GetString(), json.GetProperty("region").GetProperty("name").GetString(),
            json.GetProperty("region").GetProperty("nameEn").GetString()));
        var milestone = json.GetProperty("milestone");
        Assert.Equal(goLive.Id, milestone.GetProperty("id").GetInt32());
        Assert.Equal("2021-11-01 24:00", milestone.GetProperty("localTime").GetString());
        Assert.Equal("2021-10-31 22:00", milestone.GetProperty("previousLocalTime").GetString());
        Assert.True(milestone.GetProperty("estimated").GetBoolean());
        Assert.Equal("Done", milestone.GetProperty("state").GetString());
        Assert.Equal(goLive.Title.Zh, milestone.GetProperty("title").GetString());
        Assert.Equal("MilestoneMove", json.GetProperty("change").GetProperty("action").GetString());
        Assert.False(json.TryGetProperty("facility", out _));
    }
}
