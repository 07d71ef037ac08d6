using System.Text.Json;

namespace Dashboard.Core.Notifications;

/// <summary>The address and JSON body of one delivery, in the shape the target's kind expects.</summary>
public sealed record WebhookRequest(Uri Url, string Body)
{
    // Chinese as UTF-8 text, not \u escapes: what robots' own examples send, and half the size.
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static WebhookRequest For(WebhookTarget target, NotificationContent content, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(content);
        return target.Kind switch
        {
            WebhookKind.WeCom => new(new Uri(target.Url), JsonSerializer.Serialize(new
            {
                msgtype = "markdown",
                markdown = new { content = NotificationMarkdown.Text(content) },
            }, Json)),
            WebhookKind.DingTalk => new(
                string.IsNullOrEmpty(target.Secret) ? new Uri(target.Url) : DingTalkSignature.SignedUrl(target.Url, target.Secret, now),
                JsonSerializer.Serialize(new
                {
                    msgtype = "markdown",
                    markdown = new { title = NotificationMarkdown.Title(content), text = NotificationMarkdown.Text(content) },
                }, Json)),
            _ => new(new Uri(target.Url), content.ToJson()),
        };
    }
}
