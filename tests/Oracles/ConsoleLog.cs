using System.Text;

namespace Translator.Oracles;

/// <summary>The console output so far, which the dialogue watches while it grows.</summary>
public sealed class ConsoleLog
{
    private readonly MemoryStream bytes = new();
    private readonly object gate = new();
    private bool ended;

    public async Task CopyFromAsync(Stream stream)
    {
        var buffer = new byte[4096];
        int count;
        while ((count = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            lock (gate)
            {
                bytes.Write(buffer, 0, count);
                Monitor.PulseAll(gate);
            }
        lock (gate)
        {
            ended = true;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>A stream whose writes are the console output (for a guest run in this process); dispose it when the guest has stopped.</summary>
    public Stream Sink() => new SinkStream(this);

    private void Append(ReadOnlySpan<byte> data)
    {
        lock (gate)
        {
            bytes.Write(data);
            Monitor.PulseAll(gate);
        }
    }

    private void End()
    {
        lock (gate)
        {
            ended = true;
            Monitor.PulseAll(gate);
        }
    }

    private sealed class SinkStream(ConsoleLog log) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => log.Append(buffer.AsSpan(offset, count));
        public override void Write(ReadOnlySpan<byte> buffer) => log.Append(buffer);
        public override void WriteByte(byte value) => log.Append([value]);

        protected override void Dispose(bool disposing)
        {
            if (disposing) log.End();
            base.Dispose(disposing);
        }
    }

    /// <summary>Where <paramref name="text"/> first appears at or after character <paramref name="from"/>; -1 if the output ends or the deadline passes first.</summary>
    public int WaitFor(string text, int from, DateTime deadline)
    {
        lock (gate)
            while (true)
            {
                string soFar = Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length);
                int found = from <= soFar.Length ? soFar.IndexOf(text, from, StringComparison.Ordinal) : -1;
                if (found >= 0) return found;
                if (ended || !Monitor.Wait(gate, QemuLinux.Remaining(deadline))) return -1;
            }
    }

    /// <summary>
    /// Plays a dialogue: once each step's cue appears (after the previous step's), types its line.
    /// Input that arrives before the shell reads its terminal is lost, so each line waits for its cue.
    /// Returns whether every cue appeared.
    /// </summary>
    public bool Play(IReadOnlyList<QemuLinux.Step> dialogue, Stream input, DateTime deadline)
    {
        int from = 0;
        foreach (var step in dialogue)
        {
            int found = WaitFor(step.Expect, from, deadline);
            if (found < 0) return false;
            from = found + step.Expect.Length;
            input.Write(Encoding.UTF8.GetBytes(step.Send));
            input.Flush();
        }
        return true;
    }

    public byte[] ToArray()
    {
        lock (gate) return bytes.ToArray();
    }
}
