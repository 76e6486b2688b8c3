namespace Translator.IR;

/// <summary>The CPSR flags held as separate values.</summary>
public enum Flag : byte { N, Z, C, V, Q }
