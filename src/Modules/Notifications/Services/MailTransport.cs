using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ChangeAgentAcademy.Notifications.Services;

/// <summary>SMTP through MailKit when a host is configured; otherwise an .eml file in the pickup folder.</summary>
internal sealed class MailTransport(IOptions<MailOptions> options, IWebHostEnvironment environment) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var mail = options.Value;
        if (string.IsNullOrWhiteSpace(mail.Smtp.Host))
        {
            var folder = Path.Combine(environment.ContentRootPath, mail.PickupFolder);
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file, cancellationToken);
            return;
        }

        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(mail.Smtp.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.StartTls;
        await client.ConnectAsync(mail.Smtp.Host, mail.Smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(mail.Smtp.UserName))
        {
            await client.AuthenticateAsync(mail.Smtp.UserName, mail.Smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
