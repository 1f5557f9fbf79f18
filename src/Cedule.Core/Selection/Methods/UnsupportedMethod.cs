using System.Diagnostics.CodeAnalysis;
using Cedule.Core.Graph;

namespace Cedule.Core.Selection.Methods;

/// <summary>A dbt method Cedule does not implement yet: always refuses, with the reason.</summary>
internal sealed class UnsupportedMethod(string name, string reason) : ISelectorMethod
{
    public string Name => name;

    public bool TryCreateMatcher(SelectorMethodInput input, [NotNullWhen(true)] out Func<GraphNode, bool>? matcher, [NotNullWhen(false)] out string? error)
    {
        matcher = null;
        error = $"the '{name}:' method is not supported yet by Cedule ({reason})";
        return false;
    }
}
