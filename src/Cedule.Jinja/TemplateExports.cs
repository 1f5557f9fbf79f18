using Cedule.Jinja.Runtime;
using Cedule.Jinja.Values;

namespace Cedule.Jinja;

/// <summary>
/// The result of <see cref="Template.MakeModule"/>: an object a template can use like an
/// imported module (<c>{{ mod.macro() }}</c>), plus its macros and variables for the host.
/// </summary>
public sealed class TemplateExports : IJinjaObject
{
    private readonly TemplateModule module;

    internal TemplateExports(TemplateModule module)
    {
        this.module = module;
        var macros = new Dictionary<string, IJinjaCallable>(StringComparer.Ordinal);
        foreach (var pair in module.Exports)
        {
            if (pair.Value is Macro macro)
            {
                macros[pair.Key] = macro;
            }
        }

        Macros = macros;
    }

    /// <summary>The macros, by name.</summary>
    public IReadOnlyDictionary<string, IJinjaCallable> Macros { get; }

    /// <summary>Every exported name (macros and top-level variables not starting with <c>_</c>).</summary>
    public IReadOnlyDictionary<string, object?> Variables => module.Exports;

    /// <summary>What the template's top level rendered.</summary>
    public string Output => module.Body;

    /// <inheritdoc />
    public bool TryGetAttribute(string name, out object? value) => module.TryGetAttribute(name, out value);

    /// <inheritdoc />
    public string ToPythonString() => module.Body;
}
