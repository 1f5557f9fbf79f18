using Cedule.Jinja.Values;

namespace Cedule.Jinja.Runtime;

/// <summary>
/// What <c>import</c> produces: the names a template assigned at its top level (macros and
/// variables not starting with <c>_</c>); printing it prints the template's output.
/// </summary>
internal sealed class TemplateModule : IJinjaObject
{
    private readonly Dictionary<string, object?> exports = new(StringComparer.Ordinal);

    public TemplateModule(Template template, Scope root, string body)
    {
        Template = template;
        Body = body;
        for (var i = 0; i < root.Count; i++)
        {
            var name = root.NameAt(i);
            if (!name.StartsWith('_'))
            {
                exports[name] = root.ValueAt(i);
            }
        }
    }

    public Template Template { get; }

    public string Body { get; }

    public IReadOnlyDictionary<string, object?> Exports => exports;

    public bool TryGetAttribute(string name, out object? value) => exports.TryGetValue(name, out value);

    public string ToPythonString() => Body;
}
