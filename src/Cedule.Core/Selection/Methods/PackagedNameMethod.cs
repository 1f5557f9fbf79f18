using System.Diagnostics.CodeAnalysis;
using Cedule.Core.Graph;

namespace Cedule.Core.Selection.Methods;

/// <summary>
/// <c>exposure:</c>, <c>metric:</c>, <c>semantic_model:</c>, <c>saved_query:</c>, <c>unit_test:</c>:
/// nodes of one type by <c>name</c> or <c>package.name</c>, each part a wildcard pattern. dbt
/// has one class per type with the same body; one class with the type as a parameter keeps them
/// identical here.
/// </summary>
internal sealed class PackagedNameMethod(string name, NodeType type, string description) : ISelectorMethod
{
    public string Name => name;

    public bool TryCreateMatcher(SelectorMethodInput input, [NotNullWhen(true)] out Func<GraphNode, bool>? matcher, [NotNullWhen(false)] out string? error)
    {
        var parts = input.Text.Split('.');
        if (parts.Length > 2)
        {
            matcher = null;
            error = $"invalid {description} selector value '{input.Text}': expected {name}_name or package_name.{name}_name";
            return false;
        }

        var package = parts.Length == 2 ? parts[0] : "*";
        var target = parts[^1];
        matcher = node => node.ResourceType == type && Fnmatch.IsMatch(node.PackageName, package) && Fnmatch.IsMatch(node.Name, target);
        error = null;
        return true;
    }
}
