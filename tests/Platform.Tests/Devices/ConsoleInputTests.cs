using System.IO.Pipes;
using Translator.Platform.Devices;

namespace Translator.Platform.Tests.Devices;

/// <summary>
/// Console input through a pipe, as when the translator's standard input is redirected, with QEMU's
/// Ctrl-A escapes (QEMU manual, "Keys in the character backend multiplexer").
/// </summary>
public sealed class ConsoleInputTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>A console reading from a pipe the test writes to.</summary>
    private sealed class Piped : IDisposable
    {
        public readonly AnonymousPipeServerStream Writer = new(PipeDirection.Out);
        public readonly AnonymousPipeClientStream Reader;
        public readonly SemaphoreSlim Wakes = new(0);
        public readonly StringWriter Messages = new();
        public readonly ConsoleInput Console;

        public Piped()
        {
            Reader = new AnonymousPipeClientStream(PipeDirection.In, Writer.ClientSafePipeHandle);
            Console = new ConsoleInput(Reader, interactive: false, () => Wakes.Release(), Messages);
        }

        public void Send(params byte[] bytes)
        {
            Writer.Write(bytes);
            Writer.Flush();
        }

        /// <summary>Takes bytes as the board's pump would, waiting for the reader's wake-ups, until <paramref name="done"/>.</summary>
        public List<byte> TakeUntil(Func<List<byte>, bool> done)
        {
            var taken = new List<byte>();
            var deadline = DateTime.UtcNow + Patience;
            while (!done(taken))
            {
                while (Console.TryTake(out byte b)) taken.Add(b);
                if (done(taken)) break;
                if (DateTime.UtcNow > deadline) Assert.Fail($"gave up after taking [{string.Join(' ', taken)}]");
                Wakes.Wait(TimeSpan.FromMilliseconds(100));
            }
            return taken;
        }

        public void Dispose()
        {
            Console.Dispose();
            Writer.Dispose();
            // Wakes is not disposed: the reader thread may still signal it on its way out.
            Reader.Dispose();
        }
    }

    [Test]
    public void Bytes_pass_through_in_order_and_the_end_of_the_pipe_is_remembered()
    {
        using var p = new Piped();
        p.Send("ls -l\r\x1b[A\x03"u8.ToArray());
        Assert.That(p.TakeUntil(t => t.Count == 10), Is.EqualTo("ls -l\r\x1b[A\x03"u8.ToArray()));
        Assert.That(p.Console.Ended, Is.False);
        p.Writer.Dispose();
        p.TakeUntil(_ => p.Console.Ended);
        Assert.That(p.Console.TryTake(out _), Is.False);
        Assert.That(p.Console.QuitRequested, Is.False);
    }

    [Test]
    public void Ctrl_A_x_asks_to_quit_and_nothing_after_it_reaches_the_guest()
    {
        using var p = new Piped();
        p.Send((byte)'a', ConsoleInput.Escape, (byte)'x', (byte)'b');
        var taken = p.TakeUntil(_ => p.Console.QuitRequested);
        while (p.Console.TryTake(out byte b)) taken.Add(b);
        Assert.That(taken, Is.EqualTo("a"u8.ToArray()));
    }

    [Test]
    public void Ctrl_A_twice_sends_one_Ctrl_A_and_Ctrl_A_with_another_key_sends_nothing()
    {
        using var p = new Piped();
        p.Send(ConsoleInput.Escape, ConsoleInput.Escape, (byte)'1', ConsoleInput.Escape, (byte)'q', (byte)'2');
        Assert.That(p.TakeUntil(t => t.Count == 3 && t[^1] == '2'), Is.EqualTo(new byte[] { 1, (byte)'1', (byte)'2' }));
    }

    [Test]
    public void An_escape_split_across_reads_still_counts()
    {
        using var p = new Piped();
        p.Send(ConsoleInput.Escape);
        Thread.Sleep(50);
        p.Send((byte)'x');
        p.TakeUntil(_ => p.Console.QuitRequested);
        Assert.That(p.Console.TryTake(out _), Is.False);
    }

    [Test]
    public void Ctrl_A_h_prints_the_escapes()
    {
        using var p = new Piped();
        p.Send(ConsoleInput.Escape, (byte)'h', (byte)'!');
        Assert.That(p.TakeUntil(t => t.Count == 1), Is.EqualTo("!"u8.ToArray()));
        Assert.That(p.Messages.ToString(), Does.Contain("C-a x").And.Contain("C-a C-a"));
    }

    [Test]
    public void More_input_than_the_queue_holds_waits_for_the_guest_and_loses_nothing()
    {
        using var p = new Piped();
        var data = Enumerable.Range(0, 3 * ConsoleInput.Capacity + 17).Select(k => (byte)(k % 251 + 2)).ToArray();
        var writer = Task.Run(() =>
        {
            p.Send(data);
            p.Writer.Dispose();
        });
        var taken = p.TakeUntil(t => t.Count == data.Length);
        Assert.That(writer.Wait(Patience), Is.True);
        Assert.That(taken, Is.EqualTo(data));
    }

    [Test]
    public void A_memory_stream_works_too_and_interactive_without_a_terminal_changes_nothing()
    {
        var wakes = new SemaphoreSlim(0);
        // The test host's standard input is not a terminal, so raw mode is not entered; if it were, Dispose restores it.
        using var console = new ConsoleInput(new MemoryStream("hi"u8.ToArray()), interactive: ConsoleInput.IsTerminal, () => wakes.Release(), TextWriter.Null);
        var deadline = DateTime.UtcNow + Patience;
        while (!console.Ended && DateTime.UtcNow < deadline) wakes.Wait(100);
        Assert.That(console.Ended, Is.True);
        var taken = new List<byte>();
        while (console.TryTake(out byte b)) taken.Add(b);
        Assert.That(taken, Is.EqualTo("hi"u8.ToArray()));
    }
}
