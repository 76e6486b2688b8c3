namespace Translator.Hypervisor;

internal static class AssemblyMarker;
