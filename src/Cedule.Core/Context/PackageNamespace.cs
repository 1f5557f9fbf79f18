using Cedule.Core.Parsing;
using Cedule.Jinja.Values;

namespace Cedule.Core.Context;

/// <summary>A package name used as a namespace of macros: <c>dbt_utils.star(...)</c>.</summary>
internal sealed class PackageNamespace(MacroRegistry macros, string package, HashSet<string> called) : IJinjaObject
{
    public bool TryGetAttribute(string name, out object? value)
    {
        if (macros.Of(package).TryGetValue(name, out var macro))
        {
            called.Add($"macro.{package}.{name}");
            value = macro;
            return true;
        }

        value = null;
        return false;
    }

    public string ToPythonString() => $"<namespace {package}>";
}
