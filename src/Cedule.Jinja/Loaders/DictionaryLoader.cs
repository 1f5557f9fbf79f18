namespace Cedule.Jinja.Loaders;

/// <summary>Templates held in memory, by name (Jinja2's <c>DictLoader</c>).</summary>
public sealed class DictionaryLoader : ITemplateLoader
{
    private readonly IReadOnlyDictionary<string, string> templates;

    /// <summary>Serves the given templates; the dictionary is read, never copied.</summary>
    public DictionaryLoader(IReadOnlyDictionary<string, string> templates)
    {
        this.templates = templates;
    }

    /// <inheritdoc />
    public bool TryGetSource(string name, out string source)
    {
        if (templates.TryGetValue(name, out var found))
        {
            source = found;
            return true;
        }

        source = string.Empty;
        return false;
    }
}
