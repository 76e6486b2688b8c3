using Microsoft.Win32.SafeHandles;

namespace Translator.Platform.Devices;

/// <summary>
/// The host's console input for the guest's UART: a background thread reads the input stream and queues
/// its bytes, which the board's console pump takes on the vCPU thread (<see cref="TryTake"/>) and feeds to
/// the UART while it can receive. QEMU's console escapes are understood: Ctrl-A x asks to quit
/// (<see cref="QuitRequested"/>), Ctrl-A Ctrl-A sends one Ctrl-A, Ctrl-A h prints the escapes; Ctrl-A and
/// any other key is dropped, as QEMU drops it. The end of the input (a closed pipe) is remembered in
/// <see cref="Ended"/>. On a terminal (<c>interactive</c>) the terminal is put into raw mode without echo
/// until <see cref="Dispose"/> or the process ends.
/// </summary>
public sealed class ConsoleInput : IDisposable
{
    public const byte Escape = 0x01; // Ctrl-A
    /// <summary>Queued bytes the guest has not taken; the reader waits when this many are queued, so a large pipe is not read into memory.</summary>
    public const int Capacity = 64 * 1024;

    private const string Help = "\r\nC-a h    print this help\r\nC-a x    exit the emulator\r\nC-a C-a  send C-a\r\n";

    private readonly Stream _input;
    private readonly Action _wake;
    private readonly TextWriter _messages;
    private readonly Queue<byte> _queue = new();
    private readonly RawTerminal? _terminal;
    private volatile bool _quit, _ended, _disposed;
    private bool _escaped;

    /// <param name="input">Where the console's bytes come from (see <see cref="OpenStandardInput"/>).</param>
    /// <param name="interactive">Standard input is a terminal (<see cref="IsTerminal"/>): switch it to raw mode.</param>
    /// <param name="wake">Called from the reader thread after bytes were queued, the input ended or quitting was asked for.</param>
    /// <param name="messages">Where Ctrl-A h writes its help; standard error unless a test gives its own.</param>
    public ConsoleInput(Stream input, bool interactive, Action wake, TextWriter? messages = null)
    {
        _input = input;
        _wake = wake;
        _messages = messages ?? Console.Error;
        if (interactive) _terminal = RawTerminal.Enter();
        new Thread(ReadLoop) { IsBackground = true, Name = "console input" }.Start();
    }

    /// <summary>Whether standard input is a terminal rather than a pipe or file.</summary>
    public static bool IsTerminal => !Console.IsInputRedirected;

    /// <summary>
    /// Standard input as a plain unbuffered stream. Console.OpenStandardInput is not suitable: on a terminal
    /// .NET reads it through its own line editor.
    /// </summary>
    public static Stream OpenStandardInput() => new FileStream(new SafeFileHandle(0, ownsHandle: false), FileAccess.Read, bufferSize: 0);

    /// <summary>The user typed Ctrl-A x.</summary>
    public bool QuitRequested => _quit;

    /// <summary>The input has ended; bytes read before the end may still be queued.</summary>
    public bool Ended => _ended;

    /// <summary>Takes the next queued byte; thread-safe.</summary>
    public bool TryTake(out byte b)
    {
        lock (_queue)
        {
            if (!_queue.TryDequeue(out b)) return false;
            if (_queue.Count == Capacity - 1) Monitor.PulseAll(_queue);
            return true;
        }
    }

    /// <summary>Restores the terminal; the reader thread, blocked in a read, ends with the process.</summary>
    public void Dispose()
    {
        _disposed = true;
        lock (_queue) Monitor.PulseAll(_queue);
        _terminal?.Dispose();
    }

    private void ReadLoop()
    {
        var buffer = new byte[4096];
        while (!_quit && !_disposed)
        {
            int n;
            try
            {
                n = _input.Read(buffer);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                n = 0;
            }
            if (n == 0)
            {
                _ended = true;
                Wake();
                return;
            }
            bool queued = false;
            for (int k = 0; k < n && !_quit && !_disposed; k++) queued |= Accept(buffer[k]);
            if (queued || _quit) Wake();
        }
    }

    /// <summary>Handles one byte from the input; returns whether it was queued for the guest.</summary>
    private bool Accept(byte b)
    {
        if (!_escaped)
        {
            if (b == Escape)
            {
                _escaped = true;
                return false;
            }
            return Enqueue(b);
        }
        _escaped = false;
        switch (b)
        {
            case Escape:
                return Enqueue(b);
            case (byte)'x' or (byte)'X':
                _quit = true;
                return false;
            case (byte)'h' or (byte)'?':
                _messages.Write(Help);
                _messages.Flush();
                return false;
            default:
                return false;
        }
    }

    /// <summary>Whoever is woken may be gone once the console is disposed.</summary>
    private void Wake()
    {
        if (!_disposed) _wake();
    }

    private bool Enqueue(byte b)
    {
        lock (_queue)
        {
            while (_queue.Count >= Capacity && !_disposed)
            {
                // Let the guest see what is queued so far, then wait for it to make room.
                Wake();
                if (_queue.Count >= Capacity && !_disposed) Monitor.Wait(_queue);
            }
            if (_disposed) return false;
            _queue.Enqueue(b);
            return true;
        }
    }
}
