using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Store;

namespace PaperDigest.Delivery;

/// <summary>Delivery's services: the sent-once store, the webhook client (over the webhooks remote) and the SMTP mailer.</summary>
internal static class DeliveryRegistration
{
    public static IServiceCollection AddDelivery(this IServiceCollection services, NotifyOptions options, string? smtpPassword, string? telegramToken) =>
        services
            .AddSingleton(options)
            .AddSingleton(sp => new DeliveryStore(sp.GetRequiredService<SqliteStore>(), sp.GetRequiredService<TimeProvider>()))
            .AddSingleton(sp => new WebhookClient(sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<TimeProvider>(), telegramToken))
            .AddSingleton(_ => new SmtpMailer(options.Email, smtpPassword))
            .AddSingleton<Notifier>();
}
