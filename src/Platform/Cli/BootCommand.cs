using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Translator.Platform.Provisioning;
using Translator.Platform.Run;

namespace Translator.Platform.Cli;

/// <summary>
/// <c>translator boot</c>: the default guest, with no arguments. On first use it provisions Debian's
/// armmp kernel and busybox from the archive into the user's cache, then boots them to an
/// interactive shell on the terminal; <c>poweroff</c> (or Ctrl-A X) ends it.
/// </summary>
internal static class BootCommand
{
    public static Command Create(Option<LogLevel> logLevel, TextWriter stdout, TextWriter stderr)
    {
        var engine = new EngineOptionSet();
        var memory = new Option<string>("-m", "--memory") { Description = "RAM size, e.g. 256M, 1G", DefaultValueFactory = _ => "256M" };
        var drive = new Option<string[]>("--drive") { Description = "A disk for a virtio-blk device (/dev/vda): file=IMG[,readonly]" };
        var append = new Option<string>("--append") { Description = "More kernel command-line arguments, after the default ones", DefaultValueFactory = _ => "" };
        var cache = new Option<string?>("--cache") { Description = "Where the guest images are kept (default: $TRANSLATOR_CACHE, $XDG_CACHE_HOME/translator or ~/.cache/translator)" };
        var timeout = new Option<double?>("--timeout") { Description = "Stop after this many seconds" };
        var command = new Command("boot", "Boot Debian's armmp Linux kernel with a busybox shell (fetched from Debian's archive on first use)")
        {
            memory, drive, append, cache, timeout,
        };
        engine.AddTo(command);
        command.SetAction(result =>
        {
            using var loggers = CommandLine.CreateLoggerFactory(result.GetValue(logLevel), stderr);
            var log = loggers.CreateLogger("boot");
            GuestImage image;
            RunOptions options;
            try
            {
                options = engine.Apply(result, new RunOptions
                {
                    RamSize = RunOptionSet.ParseSize(result.GetValue(memory)!),
                    Drives = [.. (result.GetValue(drive) ?? []).Select(DriveSpec.Parse)],
                    Timeout = RunOptionSet.ParseTimeout(result.GetValue(timeout)),
                });
                using (var progress = new ProgressLine(stderr))
                    image = new GuestImages(result.GetValue(cache)).Provision(progress);
            }
            catch (Exception e) when (e is ProvisioningException or ArgumentException)
            {
                return CommandLine.Fail(stderr, e.Message);
            }
            string extra = result.GetValue(append)!;
            options = options with
            {
                Kernel = image.KernelPath,
                Initrd = image.InitrdPath,
                Append = extra.Length > 0 ? $"{image.CommandLine} {extra}" : image.CommandLine,
            };
            stderr.WriteLine($"translator: booting {image.Description}; poweroff or Ctrl-A X ends it");
            using var output = new BufferedStream(Console.OpenStandardOutput());
            using var waiting = new BootingLine(stderr, output);
            return RunCommand.OnTerminal(options, waiting, stderr, log);
        });
        return command;
    }

    /// <summary>Provisioning's steps on one line of the terminal (or one line each when stderr is not a terminal).</summary>
    private sealed class ProgressLine(TextWriter stderr) : IProgress<string>, IDisposable
    {
        private readonly bool _terminal = !Console.IsErrorRedirected;
        private bool _shown;

        public void Report(string value)
        {
            _shown = true;
            if (_terminal) stderr.Write($"\r\x1b[Ktranslator: {value}");
            else stderr.WriteLine($"translator: {value}");
        }

        public void Dispose()
        {
            if (_shown && _terminal) stderr.WriteLine();
        }
    }

    /// <summary>
    /// The console's output stream, which shows how long the boot has taken on the terminal until the
    /// guest prints its first byte (the kernel decompresses itself silently for a few seconds first).
    /// </summary>
    private sealed class BootingLine : Stream
    {
        private readonly TextWriter _stderr;
        private readonly Stream _inner;
        private readonly Timer? _timer;
        private readonly Stopwatch _elapsed = Stopwatch.StartNew();
        private int _started;

        public BootingLine(TextWriter stderr, Stream inner)
        {
            _stderr = stderr;
            _inner = inner;
            if (!Console.IsErrorRedirected) _timer = new Timer(_ => Show(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
        }

        private void Show()
        {
            lock (_stderr)
                if (Volatile.Read(ref _started) == 0) _stderr.Write($"\r\x1b[Ktranslator: the kernel is decompressing and starting ({_elapsed.Elapsed.TotalSeconds:F0} s)");
        }

        private void FirstOutput()
        {
            if (Interlocked.Exchange(ref _started, 1) != 0) return;
            _timer?.Dispose();
            if (_timer is not null) lock (_stderr) _stderr.Write("\r\x1b[K");
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            FirstOutput();
            _inner.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            FirstOutput();
            _inner.Write(buffer);
        }

        public override void WriteByte(byte value)
        {
            FirstOutput();
            _inner.WriteByte(value);
        }

        public override void Flush() => _inner.Flush();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) FirstOutput();
            base.Dispose(disposing);
        }
    }
}
