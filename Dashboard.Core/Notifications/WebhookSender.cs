using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Dashboard.Core.Notifications;

/// <summary>The result of one POST: what the delivery log records.</summary>
public sealed record SendOutcome(bool Succeeded, int? StatusCode, string? Error, TimeSpan Duration);

/// <summary>
/// Posts one request and judges the answer: a 2xx, and for the robots also <c>errcode</c> 0 (they
/// answer 200 with an error code when the key is wrong, the signature fails or the rate limit is hit).
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock)
{
    public const string ClientName = "webhooks";

    /// <summary>A receiver that does not answer within this is counted as failed and retried later.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private const int MaxErrorLength = 500;

    public async Task<SendOutcome> SendAsync(WebhookTarget target, NotificationContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var request = WebhookRequest.For(target, content, clock.GetUtcNow());
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var body = new StringContent(request.Body, Encoding.UTF8);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await clients.CreateClient(ClientName).PostAsync(request.Url, body, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                return new SendOutcome(false, status, Limit($"HTTP {status} {response.ReasonPhrase}"), elapsed);
            }

            var robotError = target.Kind == WebhookKind.Generic ? null : RobotError(answer);
            return new SendOutcome(robotError is null, status, robotError, elapsed);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var error = ex is TaskCanceledException ? $"No answer within {Timeout.TotalSeconds:0} s" : ex.Message;
            return new SendOutcome(false, null, Limit(error), Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>The robot's own error ("errcode 93000: invalid webhook url"), or null when it accepted the message.</summary>
    private static string? RobotError(string answer)
    {
        try
        {
            using var json = JsonDocument.Parse(answer);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("errcode", out var code) && code.ValueKind == JsonValueKind.Number)
            {
                var number = code.GetInt64();
                var message = json.RootElement.TryGetProperty("errmsg", out var text) ? text.ToString() : "";
                return number == 0 ? null : Limit(string.Create(CultureInfo.InvariantCulture, $"errcode {number}: {message}"));
            }
        }
        catch (JsonException)
        {
        }

        return Limit("The robot's answer has no errcode: " + answer);
    }

    private static string Limit(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
}
