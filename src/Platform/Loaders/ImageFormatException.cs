namespace Translator.Platform.Loaders;

/// <summary>
/// A guest image that is missing, truncated or not of the format it claims: the message names what is
/// wrong, <see cref="File"/> which file it is when that is not the kernel.
/// </summary>
public sealed class ImageFormatException(string message, string? file = null) : Exception(message)
{
    public string? File { get; } = file;

    /// <summary>The same failure, said of a particular file.</summary>
    public ImageFormatException Of(string path) => new(Message, path);
}
