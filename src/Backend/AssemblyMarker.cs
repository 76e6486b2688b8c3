namespace Translator.Backend;

internal static class AssemblyMarker;
