namespace Cedule.Jinja.Loaders;

/// <summary>Finds the source of a template by name.</summary>
public interface ITemplateLoader
{
    /// <summary>Returns false when there is no such template.</summary>
    bool TryGetSource(string name, out string source);
}
