using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Core.Notifications;

public static class NotificationServices
{
    /// <summary>Webhook targets, the outbox, and the two background services that fill and empty it.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        // No redirects: a robot never answers with one, and following it would post the message (or,
        // with 307/308, re-post it) to an address no administrator entered.
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = WebhookSender.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<NotificationScanner>();
        services.AddSingleton<WebhookTargetService>();
        services.AddHostedService<NotificationProducer>();
        services.AddHostedService<NotificationDispatcher>();
        return services;
    }
}
