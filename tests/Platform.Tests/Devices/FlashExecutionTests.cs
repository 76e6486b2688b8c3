using Translator.Backend.Execution;
using Translator.Frontend.Lifting;
using Translator.Hypervisor;
using Translator.Hypervisor.Exceptions;
using Translator.Hypervisor.Memory;
using Translator.IR;
using Translator.Platform.Devices;

namespace Translator.Platform.Tests.Devices;

/// <summary>
/// Code runs straight from a flash bank in read-array mode (IRomDevice), as firmware does from address 0
/// before it relocates itself; a flash command written through guest memory drops the blocks translated
/// from the bank, so code the command programmed runs, and a bank answering a command cannot be executed.
/// Commands are written as U-Boot's cfi_flash writes them to the virt board's two x16 chips (0x00XX00XX).
/// </summary>
[TestFixture(EngineKind.Interpreter)]
[TestFixture(EngineKind.Jit)]
public sealed unsafe class FlashExecutionTests(EngineKind engine)
{
    private const uint RamBase = 0x4000_0000, Bank1 = 0x0400_0000, Uart = 0x0900_0000;
    private const uint MovR0 = 0xE3A0_0000, Svc = 0xEF00_0000;

    private static uint Both(uint command) => command | command << 16;

    private static byte[] Words(params uint[] words) => [.. words.SelectMany(BitConverter.GetBytes)];

    private sealed class Machine : IDisposable
    {
        public readonly PhysicalMap Map = new();
        public readonly Ram Ram = new(RamBase, 1 << 20);
        public readonly CfiFlash Flash0, Flash1;
        public readonly Vm Vm;

        public Machine(EngineKind engine, byte[] firmware)
        {
            Map.AddRam(Ram);
            Flash0 = new CfiFlash("flash0", 64u << 20, firmware, writable: true);
            Flash1 = new CfiFlash("flash1", 64u << 20, null, writable: true);
            Map.AddDevice(0, 64u << 20, Flash0);
            Map.AddDevice(Bank1, 64u << 20, Flash1);
            Map.AddDevice(Uart, Pl011Uart.WindowSize, new Pl011Uart(Stream.Null, _ => { }));
            // Compiled before the first run, on this thread: the compiled code is what must be dropped.
            var options = new EngineOptions { Engine = engine, CompileThreshold = 0, BackgroundCompile = false };
            Vm = new Vm(1, Map, options, SensitiveMode.Translate);
        }

        public GuestMemory Memory => Vm.Memory;
        public BlockCache Cache => Vm.Cpu.Dispatcher.Cache;

        /// <summary>Runs from <paramref name="pc"/> until the first exit the vCPU does not handle itself (SVC here); returns it.</summary>
        public BlockExit Run(uint pc)
        {
            Vm.Cpu.Reset(pc);
            Assert.That(Vm.Cpu.Run(new StopAtFirstExit(), 10_000), Is.True, "the program did not reach its SVC");
            return Vm.Cpu.Exit;
        }

        public uint R0 => Vm.Cpu.State->R[0];

        public void Dispose()
        {
            Vm.Dispose();
            Ram.Dispose();
        }
    }

    private sealed class StopAtFirstExit : IExitHandler
    {
        public ExitAction Handle(VCpu cpu, BlockExit exit) => ExitAction.Stop;
    }

    [Test]
    public void Code_in_flash_runs_and_a_program_command_written_by_the_guest_drops_it()
    {
        using var m = new Machine(engine, Words(MovR0 | 1, Svc));
        // The guest's own flash driver, in RAM: word-program "mov r0, #7" over the first instruction, back to
        // read array, and jump to it.
        uint[] driver =
        [
            0xE3A0_1000, // mov r1, #0
            0xE59F_2014, // ldr r2, [pc, #20]   (0x00400040: word program, both chips)
            0xE581_2000, // str r2, [r1]
            0xE59F_2010, // ldr r2, [pc, #16]   (mov r0, #7)
            0xE581_2000, // str r2, [r1]
            0xE59F_200C, // ldr r2, [pc, #12]   (0x00FF00FF: read array)
            0xE581_2000, // str r2, [r1]
            0xE12F_FF11, // bx r1
            Both(0x40), MovR0 | 7, Both(0xFF),
        ];
        Words(driver).CopyTo(m.Ram.Span(RamBase, driver.Length * 4));

        var exit = m.Run(0);
        Assert.That((exit.Kind, exit.Exception, exit.Pc), Is.EqualTo((ExitKind.Exception, ExceptionKind.SupervisorCall, 4u)));
        Assert.That(m.R0, Is.EqualTo(1));
        Assert.That(m.Cache.HoldsCode(0), Is.True, "the block at 0 was translated from flash");
        long invalidated = m.Cache.Invalidated;

        exit = m.Run(RamBase);
        Assert.That((exit.Exception, exit.Pc), Is.EqualTo((ExceptionKind.SupervisorCall, 4u)));
        Assert.That(m.R0, Is.EqualTo(7), "the reprogrammed instruction ran, not the stale translation");
        Assert.That(m.Cache.Invalidated, Is.GreaterThan(invalidated));
        Assert.That(m.Flash0.Contents[..4].ToArray(), Is.EqualTo(BitConverter.GetBytes(MovR0 | 7)));
        Assert.That(m.Memory.CodeInvalidations, Is.GreaterThan(0));
    }

    [Test]
    public void A_bank_answering_a_command_cannot_be_fetched_from_until_read_array()
    {
        using var m = new Machine(engine, Words(MovR0 | 3, Svc));
        Assert.That(m.Memory.TryFetch(0, 4, out uint word) && word == (MovR0 | 3), Is.True);
        Assert.That(m.Run(0).Exception, Is.EqualTo(ExceptionKind.SupervisorCall));

        // Read status: the bank now answers reads with its status register, not its contents.
        m.Memory.Write(0, 4, Both(0x70), MemoryAccess.None);
        Assert.That(m.Cache.HoldsCode(0), Is.False, "the command dropped the blocks translated from the bank");
        Assert.That(m.Memory.TryFetch(0, 4, privileged: true, out _, out _, out _), Is.EqualTo(FaultStatus.SynchronousExternal));
        Assert.That(m.Memory.Read(0, 4, MemoryAccess.None), Is.EqualTo(0x0080_0080), "data reads see the status");
        var exit = m.Run(0);
        Assert.That((exit.Kind, exit.Exception, exit.Pc), Is.EqualTo((ExitKind.Exception, ExceptionKind.PrefetchAbort, 0u)));

        m.Memory.Write(0, 4, Both(0xFF), MemoryAccess.None);
        Assert.That(m.Run(0).Exception, Is.EqualTo(ExceptionKind.SupervisorCall));
        Assert.That(m.R0, Is.EqualTo(3));
    }

    [Test]
    public void Writes_to_the_other_bank_or_to_a_bank_without_code_drop_nothing()
    {
        using var m = new Machine(engine, Words(MovR0 | 5, Svc));
        Assert.That(m.Run(0).Exception, Is.EqualTo(ExceptionKind.SupervisorCall));
        long invalidated = m.Cache.Invalidated;
        // The second bank's query, as U-Boot probes it at boot.
        m.Memory.Write(Bank1, 4, Both(0xFF), MemoryAccess.None);
        m.Memory.Write(Bank1 + 0x55 * 4, 4, Both(0x98), MemoryAccess.None);
        Assert.That(m.Memory.Read(Bank1 + 0x10 * 4, 4, MemoryAccess.None), Is.EqualTo(Both('Q')));
        m.Memory.Write(Bank1, 4, Both(0xFF), MemoryAccess.None);
        Assert.That(m.Cache.Invalidated, Is.EqualTo(invalidated));
        Assert.That(m.Cache.HoldsCode(0), Is.True);

        // The first write to bank 0 drops its code; the ones after it find nothing left to drop.
        m.Memory.Write(0, 4, Both(0xFF), MemoryAccess.None);
        long afterFirst = m.Cache.Invalidated;
        Assert.That(afterFirst, Is.GreaterThan(invalidated));
        m.Memory.Write(0, 4, Both(0xFF), MemoryAccess.None);
        Assert.That(m.Cache.Invalidated, Is.EqualTo(afterFirst));
    }

    [Test]
    public void Other_devices_are_never_fetched_from()
    {
        using var m = new Machine(engine, Words(Svc));
        Assert.That(m.Memory.TryFetch(Uart, 4, privileged: true, out _, out _, out _), Is.EqualTo(FaultStatus.SynchronousExternal));
        var exit = m.Run(Uart);
        Assert.That((exit.Kind, exit.Exception, exit.Pc), Is.EqualTo((ExitKind.Exception, ExceptionKind.PrefetchAbort, Uart)));
    }
}
