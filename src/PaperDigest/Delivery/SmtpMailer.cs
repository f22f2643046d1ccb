using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace PaperDigest.Delivery;

/// <summary>Sends a digest as one multipart/alternative email over SMTP (MailKit): STARTTLS, SSL on connect, or none.</summary>
internal sealed class SmtpMailer(EmailOptions options, string? password)
{
    public async Task SendAsync(DeliveryDigest digest, CancellationToken cancellationToken)
    {
        var content = EmailRenderer.Render(digest);
        var message = new MimeMessage { Subject = content.Subject };
        message.From.Add(MailboxAddress.Parse(options.From));
        foreach (var to in options.To) message.To.Add(MailboxAddress.Parse(to));
        message.Body = new BodyBuilder { TextBody = content.Plain, HtmlBody = content.Html }.ToMessageBody();

        using var smtp = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        var security = options.Security switch
        {
            SmtpSecurity.Ssl => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        try
        {
            await smtp.ConnectAsync(options.Host, options.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(options.Username))
                await smtp.AuthenticateAsync(options.Username, password ?? throw new DeliveryException("notify.email.username is set but PAPERDIGEST_SMTP_PASSWORD is not"), cancellationToken);
            await smtp.SendAsync(message, cancellationToken);
            await smtp.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is MailKit.CommandException or MailKit.ProtocolException or System.Net.Sockets.SocketException or IOException
                                   or AuthenticationException or SslHandshakeException or TimeoutException)
        {
            throw new DeliveryException($"SMTP {options.Host}:{options.Port}: {ex.Message.ReplaceLineEndings(" ")}", ex);
        }
    }
}
