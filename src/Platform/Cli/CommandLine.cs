using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Translator.Platform.Cli;

/// <summary>The <c>translator</c> command: its verbs, the options every verb shares, and error reporting.</summary>
public static class CommandLine
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var logLevel = new Option<LogLevel>("--log-level")
        {
            Description = "Diagnostics shown on stderr: Trace, Debug, Information, Warning, Error, Critical or None",
            DefaultValueFactory = _ => LogLevel.Warning,
            Recursive = true,
        };
        var root = new RootCommand("Translator: runs 32-bit ARM (ARMv7-A) guests on x86-64 by dynamic binary translation.");
        root.Options.Add(logLevel);
        foreach (var version in root.Options.OfType<VersionOption>())
            version.Action = new PrintVersion(stdout);
        root.Subcommands.Add(DisasmCommand.Create(logLevel, stdout, stderr));
        root.Subcommands.Add(BootCommand.Create(logLevel, stdout, stderr));
        root.Subcommands.Add(RunCommand.Create(logLevel, stdout, stderr));
        root.Subcommands.Add(CompareCommand.Create(logLevel, stdout, stderr));

        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return root.Parse(args).Invoke(config);
    }

    internal static ILoggerFactory CreateLoggerFactory(LogLevel level, TextWriter stderr) =>
        LoggerFactory.Create(b => b.SetMinimumLevel(level).AddProvider(new TextWriterLoggerProvider(stderr)));

    /// <summary>Translator's own version, whichever program hosts the command line (tests run it in-process).</summary>
    public static string Version =>
        typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CommandLine).Assembly.GetName().Version?.ToString() ?? "unknown";

    private sealed class PrintVersion(TextWriter stdout) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            stdout.WriteLine(Version);
            return 0;
        }
    }

    /// <summary>Reports a user-facing failure as one line on stderr and gives the exit code.</summary>
    internal static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"translator: error: {message}");
        return 1;
    }
}
