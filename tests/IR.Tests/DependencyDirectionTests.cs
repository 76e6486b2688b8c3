using System.Reflection;

namespace Translator.IR.Tests;

/// <summary>DESIGN.md's arrows point one way: this assembly references only the projects below it.</summary>
public sealed class DependencyDirectionTests
{
    [Test]
    public void ReferencesOnlyTheProjectsBelowIt()
    {
        var assembly = Assembly.Load("Translator.IR");
        string[] allowed = ["Translator.IR"];
        var translatorReferences = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Translator", StringComparison.OrdinalIgnoreCase) || n == "translator");
        Assert.That(translatorReferences, Is.SubsetOf(allowed));
    }
}
