using MimeKit;

namespace ChangeAgentAcademy.Notifications.Services;

public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
