using Cedule.Jinja.Loaders;

namespace Cedule.Jinja.Tests.Conformance;

/// <summary>Asks each loader in turn (Jinja2's <c>ChoiceLoader</c>).</summary>
internal sealed class ChainedLoader(params ITemplateLoader[] loaders) : ITemplateLoader
{
    public bool TryGetSource(string name, out string source)
    {
        foreach (var loader in loaders)
        {
            if (loader.TryGetSource(name, out source))
            {
                return true;
            }
        }

        source = string.Empty;
        return false;
    }
}
