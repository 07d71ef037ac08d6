using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// The page's Blazor connection over a slow line, as from a county hospital's desk: every frame, in each
/// direction, arrives a fixed time after it was sent, in order. Keys typed in that time meet renders of
/// what was typed before them.
/// </summary>
internal sealed partial class SlowLink
{
    private readonly TimeSpan _latency;

    private SlowLink(TimeSpan latency) => _latency = latency;

    public static async Task RouteAsync(IPage page, TimeSpan latency)
    {
        var link = new SlowLink(latency);
        await page.RouteWebSocketAsync(BlazorHub(), link.Connect);
    }

    private void Connect(IWebSocketRoute page)
    {
        var server = page.ConnectToServer();
        var toPage = Line(frame => Send(page, frame));
        var toServer = Line(frame => Send(server, frame));
        server.OnMessage(frame => toPage.TryWrite((Stopwatch.GetTimestamp(), Copy(frame))));
        page.OnMessage(frame => toServer.TryWrite((Stopwatch.GetTimestamp(), Copy(frame))));
        page.OnClose((_, _) => { toPage.TryComplete(); toServer.TryComplete(); });
        server.OnClose((_, _) => { toPage.TryComplete(); toServer.TryComplete(); });
    }

    private static (byte[]? Binary, string? Text) Copy(IWebSocketFrame frame) => (frame.Binary?.ToArray(), frame.Text);

    private static void Send(IWebSocketRoute to, (byte[]? Binary, string? Text) frame)
    {
        if (frame.Binary is { } binary)
        {
            to.Send(binary);
        }
        else
        {
            to.Send(frame.Text ?? "");
        }
    }

    /// <summary>One direction: frames leave in the order they came, each once its latency has passed.</summary>
    private ChannelWriter<(long Sent, (byte[]? Binary, string? Text) Frame)> Line(Action<(byte[]? Binary, string? Text)> deliver)
    {
        var channel = Channel.CreateUnbounded<(long Sent, (byte[]? Binary, string? Text) Frame)>(new() { SingleReader = true });
        _ = Task.Run(async () =>
        {
            await foreach (var (sent, frame) in channel.Reader.ReadAllAsync())
            {
                var wait = _latency - Stopwatch.GetElapsedTime(sent);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                deliver(frame);
            }
        });
        return channel.Writer;
    }

    [GeneratedRegex("/_blazor")]
    private static partial Regex BlazorHub();
}
