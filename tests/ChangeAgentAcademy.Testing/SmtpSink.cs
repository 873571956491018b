using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChangeAgentAcademy.Testing;

/// <summary>A real SMTP server (Debian's python3-aiosmtpd) that stores every message it receives in a Maildir.</summary>
public sealed class SmtpSink : IDisposable
{
    private Process? process;

    public SmtpSink()
    {
        Folder = Path.Combine(Path.GetTempPath(), "caa-smtp", Guid.NewGuid().ToString("N"));
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
    }

    public int Port { get; }

    public string Folder { get; }

    public void Start()
    {
        Directory.CreateDirectory(Folder);
        process = Process.Start(new ProcessStartInfo("/usr/bin/python3", $"-m aiosmtpd -n -l 127.0.0.1:{Port} -c aiosmtpd.handlers.Mailbox {Folder}/box")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("python3 -m aiosmtpd did not start (apt-get install python3-aiosmtpd)");
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new InvalidOperationException("The SMTP sink did not listen within 10 s.");
    }

    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process = null;
    }

    /// <summary>Every message received so far.</summary>
    public IReadOnlyList<MimeKit.MimeMessage> Messages()
    {
        var dir = Path.Combine(Folder, "box", "new");
        return Directory.Exists(dir) ? Directory.GetFiles(dir).Select(f => MimeKit.MimeMessage.Load(f)).ToList() : [];
    }

    public void Dispose() => Stop();
}
