using Dashboard.Core.Notifications;
using Dashboard.Core.Validation;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Notifications;

/// <summary>Every text the notifications page builds from a value (a kind, an event, a refusal) exists in Chinese and in English.</summary>
public sealed class NotificationTextTests
{
    public static TheoryData<string> Keys()
    {
        var keys = new TheoryData<string>();
        foreach (var kind in Enum.GetValues<WebhookKind>())
        {
            keys.Add($"NotifyKind_{kind}");
            keys.Add($"Notify_UrlHint_{kind}");
        }

        foreach (var prefix in NotificationEventKeys.Choices.Select(c => c.Prefix).Append(NotificationEventKeys.Test))
        {
            keys.Add($"NotifyEvent_{prefix}");
        }

        foreach (var refusal in new[]
        {
            WebhookUrl.Invalid, WebhookUrl.HttpsRequired, WebhookUrl.WeComKeyMissing, WebhookUrl.DingTalkTokenMissing,
            WebhookTargetService.EventsRequired, WebhookTargetService.ThresholdRange, WebhookTargetService.UnknownRegion, ValidationErrors.Required,
        })
        {
            keys.Add(refusal);
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Has_chinese_and_english_text(string key)
    {
        var localizer = TestLocalizer.Create();
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            using var _ = new UiCulture(culture);
            Assert.False(localizer[key].ResourceNotFound, $"{key} has no {culture} text");
        }

        using (new UiCulture("en"))
        {
            Assert.DoesNotMatch("[\\u4e00-\\u9fff]", localizer[key].Value);
        }
    }
}
