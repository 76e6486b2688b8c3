namespace Translator.Platform.Provisioning;

/// <summary>Provisioning a guest image failed: a tool is missing, apt refused, or a package lacks what the guest needs. The message is one line.</summary>
public sealed class ProvisioningException : Exception
{
    public ProvisioningException(string message) : base(message) { }

    public ProvisioningException(string message, Exception inner) : base(message, inner) { }
}
