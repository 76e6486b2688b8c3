namespace Translator.IR;

internal static class AssemblyMarker;
