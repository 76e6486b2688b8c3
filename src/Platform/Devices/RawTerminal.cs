using System.Runtime.InteropServices;

namespace Translator.Platform.Devices;

/// <summary>
/// Puts the terminal on standard input into raw mode without echo, as QEMU's stdio character device does
/// (char-stdio.c): every byte, Ctrl-C and escape sequences included, reaches the guest unaltered, while
/// output processing stays on so that a bare '\n' from the guest still starts a new line. The settings
/// found are put back on <see cref="Dispose"/>, at process exit, on an unhandled exception and on
/// SIGTERM, SIGHUP and SIGQUIT, whichever comes first.
/// </summary>
/// <remarks>
/// This calls tcgetattr/tcsetattr itself rather than running stty: .NET's Process class adjusts the
/// terminal around the children it starts, and a child cannot be started reliably from an exit handler.
/// </remarks>
internal sealed unsafe partial class RawTerminal : IDisposable
{
    private const int StandardInput = 0, SetNow = 0;
    /// <summary>Room for any libc's struct termios (glibc's is 60 bytes).</summary>
    private const int TermiosSize = 256;
    private const uint OutputProcessing = 1; // OPOST, the same bit on Linux and macOS

    private readonly byte[] _saved;
    private readonly PosixSignalRegistration[] _signals;
    private int _restored;

    private RawTerminal(byte[] saved)
    {
        _saved = saved;
        AppDomain.CurrentDomain.ProcessExit += OnExit;
        AppDomain.CurrentDomain.UnhandledException += OnExit;
        // Restore and let the signal's default action go on (the handler does not cancel it).
        _signals = [.. new[] { PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT }
            .Select(s => PosixSignalRegistration.Create(s, _ => Restore()))];
    }

    /// <summary>Switches standard input's terminal to raw mode; null when standard input is not a terminal.</summary>
    public static RawTerminal? Enter()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return null;
        var saved = new byte[TermiosSize];
        var raw = new byte[TermiosSize];
        fixed (byte* s = saved) if (tcgetattr(StandardInput, s) != 0) return null;
        saved.CopyTo(raw, 0);
        fixed (byte* r = raw)
        {
            cfmakeraw(r);
            // c_oflag follows c_iflag: 4-byte tcflag_t on Linux, 8-byte on macOS.
            int oflag = OperatingSystem.IsMacOS() ? 8 : 4;
            raw[oflag] |= (byte)OutputProcessing;
            if (tcsetattr(StandardInput, SetNow, r) != 0) return null;
        }
        return new RawTerminal(saved);
    }

    /// <summary>Puts the saved settings back; only the first call does anything.</summary>
    public void Restore()
    {
        if (Interlocked.Exchange(ref _restored, 1) != 0) return;
        fixed (byte* s = _saved) _ = tcsetattr(StandardInput, SetNow, s);
    }

    public void Dispose()
    {
        Restore();
        AppDomain.CurrentDomain.ProcessExit -= OnExit;
        AppDomain.CurrentDomain.UnhandledException -= OnExit;
        foreach (var s in _signals) s.Dispose();
    }

    private void OnExit(object? sender, EventArgs e) => Restore();

    [LibraryImport("libc", SetLastError = true)]
    private static partial int tcgetattr(int fd, byte* termios);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int tcsetattr(int fd, int optionalActions, byte* termios);

    [LibraryImport("libc")]
    private static partial void cfmakeraw(byte* termios);
}
