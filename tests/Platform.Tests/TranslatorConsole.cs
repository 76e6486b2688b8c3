using System.IO.Pipes;
using Microsoft.Extensions.Logging.Abstractions;
using Translator.Oracles;
using Translator.Platform.Run;

namespace Translator.Platform.Tests;

/// <summary>
/// Runs a guest on Translator in this process with its console wired to a dialogue, the way
/// <see cref="QemuLinux.Boot"/> runs one under QEMU: the console's output is watched, and each step's
/// line is typed once its cue appears.
/// </summary>
internal static class TranslatorConsole
{
    public sealed record Result(byte[] Output, RunOutcome? Outcome, bool DialogueCompleted, bool Finished)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Output);
    }

    public static Result Run(RunOptions options, IReadOnlyList<QemuLinux.Step> dialogue, TimeSpan timeout)
    {
        var log = new ConsoleLog();
        var keyboard = new AnonymousPipeServerStream(PipeDirection.Out);
        var input = new AnonymousPipeClientStream(PipeDirection.In, keyboard.ClientSafePipeHandle);
        try
        {
            var deadline = DateTime.UtcNow + timeout;
            var run = Task.Run(() =>
            {
                using var console = log.Sink();
                return new GuestRunner(options with { Timeout = timeout }, console, TextWriter.Null, NullLogger.Instance) { Input = input }.Run();
            });
            bool completed = log.Play(dialogue, keyboard, deadline);
            bool finished = run.Wait(QemuLinux.Remaining(deadline) + TimeSpan.FromSeconds(10));
            return new Result(log.ToArray(), finished ? run.Result : null, completed, finished);
        }
        finally
        {
            // The writing end first: the console's reader thread then sees the input end instead of blocking the reading end's disposal.
            keyboard.Dispose();
            input.Dispose();
        }
    }
}
