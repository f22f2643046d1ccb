using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace PaperDigest.Tests.TestSupport;

/// <summary>
/// A real SMTP server: Debian's aiosmtpd (python3-aiosmtpd, installed by .ci/run) on a free 127.0.0.1 port, with
/// AUTH LOGIN/PLAIN for one user, saving every message it accepts; read back with MimeKit.
/// </summary>
public sealed class FakeSmtpServer : IDisposable
{
    public const string User = "d@example.org";
    public const string Password = "smtp-SECRET-pa55";

    private const string Script = """
        import os, sys, time
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult, LoginPassword
        out, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
        class Saver:
            n = 0
            async def handle_DATA(self, server, session, envelope):
                Saver.n += 1
                path = os.path.join(out, "%04d.eml" % Saver.n)
                with open(path + ".tmp", "wb") as f:
                    f.write(envelope.original_content or envelope.content)
                os.rename(path + ".tmp", path)
                return "250 OK"
        def auth(server, session, envelope, mechanism, data):
            ok = isinstance(data, LoginPassword) and data.login.decode() == user and data.password.decode() == password
            return AuthResult(success=ok)
        c = Controller(Saver(), hostname="127.0.0.1", port=port, authenticator=auth, auth_require_tls=False)
        c.start()
        print("ready", flush=True)
        sys.stdin.read()
        c.stop()
        """;

    private readonly Process _process;

    private FakeSmtpServer(Process process, string dir, int port)
    {
        _process = process;
        Dir = dir;
        Port = port;
    }

    public string Dir { get; }
    public int Port { get; }

    public static FakeSmtpServer Start()
    {
        var dir = Path.Combine(Path.GetTempPath(), "paperdigest-smtp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var script = Path.Combine(dir, "server.py");
        File.WriteAllText(script, Script);
        var mail = Path.Combine(dir, "mail");
        Directory.CreateDirectory(mail);
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        // Debian's interpreter, where python3-aiosmtpd is: a python3 earlier on PATH (pyenv) may not have it.
        var start = new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var a in new[] { script, mail, port.ToString(System.Globalization.CultureInfo.InvariantCulture), User, Password }) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        var ready = process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(20)) || ready.Result != "ready")
        {
            var error = process.HasExited ? process.StandardError.ReadToEnd() : "no answer in 20 s";
            try { process.Kill(); } catch (InvalidOperationException) { }
            throw new InvalidOperationException($"aiosmtpd did not start (is python3-aiosmtpd installed?): {error}");
        }
        return new FakeSmtpServer(process, mail, port);
    }

    /// <summary>The messages received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.EnumerateFiles(Dir, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList();

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000)) _process.Kill();
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
        try { Directory.Delete(Path.GetDirectoryName(Dir)!, recursive: true); } catch (IOException) { }
    }
}
