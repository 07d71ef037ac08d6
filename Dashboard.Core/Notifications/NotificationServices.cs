using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Core.Notifications;

public static class NotificationServices
{
    /// <summary>Webhook targets, the outbox, and the two background services that fill and empty it.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = WebhookSender.Timeout);
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<NotificationScanner>();
        services.AddSingleton<WebhookTargetService>();
        services.AddHostedService<NotificationProducer>();
        services.AddHostedService<NotificationDispatcher>();
        return services;
    }
}
