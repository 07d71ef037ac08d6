using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>
/// The page's Blazor connection, with the server's heading-focus call held back until the test releases
/// it: what a slow server does to a call that runs only after the browser has acknowledged a render.
/// Every other message passes at once, in both directions. Blazor's binary protocol sends a frame of
/// length-prefixed MessagePack messages; a held call is taken out of its frame, the rest goes on.
/// </summary>
internal sealed partial class SlowFocusLink
{
    private static readonly byte[][] HeadingFocusCalls =
        [.. new[] { "focusBySelector", "focusHeadingUnlessTyping" }.Select(Encoding.UTF8.GetBytes)];

    private static readonly byte[] FieldFocusCall = Encoding.UTF8.GetBytes("focusIfIdle");
    private static readonly byte[] CallFromServer = Encoding.UTF8.GetBytes("JS.BeginInvokeJS");
    private static readonly byte[] CallCompleted = Encoding.UTF8.GetBytes("EndInvokeJSFromDotNet");

    private readonly Lock _gate = new();
    private readonly List<(long Id, byte[] Message)> _held = [];
    private readonly HashSet<long> _fieldFocusCalls = [];
    private readonly TaskCompletionSource _fieldFocused = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HashSet<long>? _awaited;
    private IWebSocketRoute? _page;

    public static async Task<SlowFocusLink> RouteAsync(IPage page)
    {
        var link = new SlowFocusLink();
        await page.RouteWebSocketAsync(BlazorHub(), link.Connect);
        return link;
    }

    /// <summary>
    /// Waits until the form has put the cursor in its first field (or found the clerk already there), then
    /// delivers the held heading-focus calls and waits until the browser has run them.
    /// </summary>
    public async Task ReleaseFocusCallsAsync()
    {
        await _fieldFocused.Task.WaitAsync(TimeSpan.FromSeconds(15));
        List<(long Id, byte[] Message)> held;
        lock (_gate)
        {
            held = [.. _held];
            _held.Clear();
            _awaited = [.. held.Select(h => h.Id)];
        }

        Assert.True(held.Count > 0, "No heading focus was held back: the page no longer focuses its heading after a navigation, or does so another way.");
        foreach (var (_, message) in held)
        {
            _page!.Send(message);
        }

        await _released.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    private void Connect(IWebSocketRoute page)
    {
        _page = page;
        var server = page.ConnectToServer();
        server.OnMessage(frame =>
        {
            if (frame.Binary is not { } data)
            {
                page.Send(frame.Text ?? "");
                return;
            }

            var passing = new List<byte>(data.Length);
            foreach (var message in Messages(data))
            {
                var body = message.Span;
                if (IsHeadingFocus(body) && CallId(body, CallFromServer) is { } id)
                {
                    lock (_gate)
                    {
                        _held.Add((id, message.ToArray()));
                    }

                    continue;
                }

                if (body.IndexOf(FieldFocusCall) >= 0 && CallId(body, CallFromServer) is { } fieldFocus)
                {
                    lock (_gate)
                    {
                        _fieldFocusCalls.Add(fieldFocus);
                    }
                }

                passing.AddRange(body);
            }

            if (passing.Count > 0)
            {
                page.Send([.. passing]);
            }
        });
        page.OnMessage(frame =>
        {
            if (frame.Binary is { } data)
            {
                foreach (var message in Messages(data))
                {
                    if (CallId(message.Span, CallCompleted) is { } id)
                    {
                        Completed(id);
                    }
                }

                server.Send(data);
            }
            else
            {
                server.Send(frame.Text ?? "");
            }
        });
    }

    private static bool IsHeadingFocus(ReadOnlySpan<byte> message)
    {
        foreach (var call in HeadingFocusCalls)
        {
            if (message.IndexOf(call) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private void Completed(long id)
    {
        lock (_gate)
        {
            if (_fieldFocusCalls.Contains(id))
            {
                _fieldFocused.TrySetResult();
            }

            if (_awaited is { } awaited && awaited.Remove(id) && awaited.Count == 0)
            {
                _released.TrySetResult();
            }
        }
    }

    /// <summary>The frame's messages, each with its length prefix (a 7-bit varint), as sent.</summary>
    private static IEnumerable<ReadOnlyMemory<byte>> Messages(byte[] frame)
    {
        var start = 0;
        while (start < frame.Length)
        {
            var (length, shift, position) = (0, 0, start);
            byte b;
            do
            {
                if (position == frame.Length)
                {
                    yield return frame.AsMemory(start);
                    yield break;
                }

                b = frame[position++];
                length |= (b & 0x7f) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);

            // A frame that is not a whole message (the JSON handshake) passes as it is.
            var end = position + length;
            if (end > frame.Length)
            {
                yield return frame.AsMemory(start);
                yield break;
            }

            yield return frame.AsMemory(start, end - start);
            start = end;
        }
    }

    /// <summary>
    /// The call's number: the first argument after the hub method's name (the arguments are a MessagePack
    /// array, the number a MessagePack integer).
    /// </summary>
    private static long? CallId(ReadOnlySpan<byte> message, byte[] method)
    {
        var at = message.IndexOf(method);
        if (at < 0)
        {
            return null;
        }

        var p = at + method.Length + 1;
        var marker = message[p++];
        return marker switch
        {
            <= 0x7f => marker,
            0xcc => message[p],
            0xcd => (message[p] << 8) | message[p + 1],
            0xce => ((long)message[p] << 24) | ((long)message[p + 1] << 16) | ((long)message[p + 2] << 8) | message[p + 3],
            0xcf => (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(message[p..]),
            _ => null,
        };
    }

    [GeneratedRegex("/_blazor")]
    private static partial Regex BlazorHub();
}
