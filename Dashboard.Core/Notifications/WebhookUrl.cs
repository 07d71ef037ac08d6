using System.Net;

namespace Dashboard.Core.Notifications;

/// <summary>Checks a webhook address before it is saved, and masks the robot key it carries for display.</summary>
public static class WebhookUrl
{
    public const string Invalid = "Webhook_UrlInvalid";
    public const string HttpsRequired = "Webhook_UrlHttpsRequired";
    public const string WeComKeyMissing = "Webhook_UrlWeComKey";
    public const string DingTalkTokenMissing = "Webhook_UrlDingTalkToken";
    public const int MaxLength = 1000;

    /// <summary>Why the address cannot be used, or null when it can.</summary>
    public static Message? Problem(string url, WebhookKind kind)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment) || string.IsNullOrEmpty(uri.Host))
        {
            return Invalid;
        }

        // The key in the address is the robot's credential: it travels encrypted, except to this machine (a local test receiver).
        if (uri.Scheme == "http" && !uri.IsLoopback)
        {
            return HttpsRequired;
        }

        return kind switch
        {
            WebhookKind.WeCom when !HasQueryValue(uri, "key") => Message.FromKey(WeComKeyMissing),
            WebhookKind.DingTalk when !HasQueryValue(uri, "access_token") => Message.FromKey(DingTalkTokenMissing),
            _ => null,
        };
    }

    /// <summary>"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=••••3f2a": every query value cut to its last 4 characters.</summary>
    public static string Masked(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "••••";
        }

        var query = uri.Query.TrimStart('?');
        var masked = string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                return pair;
            }

            var value = pair[(equals + 1)..];
            return pair[..(equals + 1)] + "••••" + (value.Length > 8 ? value[^4..] : "");
        }));
        return uri.GetLeftPart(UriPartial.Path) + (masked.Length > 0 ? "?" + masked : "");
    }

    private static bool HasQueryValue(Uri uri, string name) =>
        uri.Query.TrimStart('?').Split('&').Any(pair => pair.StartsWith(name + "=", StringComparison.Ordinal) && WebUtility.UrlDecode(pair[(name.Length + 1)..]).Length > 0);
}
