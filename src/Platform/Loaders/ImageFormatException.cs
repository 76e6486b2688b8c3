namespace Translator.Platform.Loaders;

/// <summary>A guest image that is missing, truncated or not of the format it claims: the message names what is wrong.</summary>
public sealed class ImageFormatException(string message) : Exception(message);
