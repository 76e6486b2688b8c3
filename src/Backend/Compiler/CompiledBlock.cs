using Translator.Backend.Execution;
using Translator.Backend.Memory;
using Translator.IR.State;

namespace Translator.Backend.Compiler;

/// <summary>A block compiled to a DynamicMethod: runs the block on the state and says why it stopped.</summary>
public unsafe delegate ExitKind CompiledBlock(CpuState* state, IGuestMemory memory, BlockExit exit);
