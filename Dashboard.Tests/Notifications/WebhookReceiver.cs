using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Notifications;

/// <summary>A request the receiver got: path, query values and the JSON body.</summary>
internal sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Query, string Body, string? ContentType)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// A webhook receiver on a real Kestrel port of this machine (127.0.0.1, a free port): records every
/// POST and answers as a robot does (200 with errcode 0), or with the failures a test queues first.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _answers = new();
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

    private WebhookReceiver(WebApplication app) => _app = app;

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    public string BaseUrl { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", receiver.ReceiveAsync);
        await app.StartAsync();
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return receiver;
    }

    public string Url(string pathAndQuery) => BaseUrl + pathAndQuery;

    /// <summary>The next request is answered with this HTTP status.</summary>
    public void ThenStatus(int status) => _answers.Enqueue(context =>
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    });

    /// <summary>The next request is sent on to another address with a 307 (which re-posts the body if followed).</summary>
    public void ThenRedirect(string location) => _answers.Enqueue(context =>
    {
        context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    });

    /// <summary>The next request gets a 200 with a robot's error code.</summary>
    public void ThenRobotError(int errcode, string errmsg) =>
        _answers.Enqueue(context => context.Response.WriteAsJsonAsync(new { errcode, errmsg }));

    /// <summary>The next request is held until <paramref name="release"/> completes.</summary>
    public void ThenWaitFor(Task release) => _answers.Enqueue(async context =>
    {
        await release;
        await context.Response.WriteAsJsonAsync(new { errcode = 0, errmsg = "ok" });
    });

    /// <summary>Completes when <paramref name="count"/> requests have arrived (failing the test if they do not within 15 s).</summary>
    public Task WaitForRequestsAsync(int count)
    {
        lock (_gate)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        lock (_gate)
        {
            _requests.Enqueue(new ReceivedRequest(
                context.Request.Path, context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()), body, context.Request.ContentType));
            foreach (var waiter in _waiters.Where(w => _requests.Count >= w.Count).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
        if (_answers.TryDequeue(out var answer))
        {
            await answer(context);
            return;
        }

        await context.Response.WriteAsJsonAsync(new { errcode = 0, errmsg = "ok" });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
