using Microsoft.Extensions.DependencyInjection;
using PaperDigest.Configuration;

namespace PaperDigest.Cli;

/// <summary>Registers what <paramref name="command"/> uses; supplied by the composition root (Program.cs), above the CLI and the web reader.</summary>
internal delegate void ServiceSetup(IServiceCollection services, AppCommand command, AppOptions options, Secrets secrets, TimeProvider time, TextWriter log);
