using System.Diagnostics.CodeAnalysis;
using Cedule.Core.Graph;

namespace Cedule.Core.Selection.Methods;

/// <summary><c>source:</c> source tables by <c>source</c>, <c>source.table</c> or <c>package.source.table</c>, each part a wildcard pattern.</summary>
internal sealed class SourceMethod : ISelectorMethod
{
    public string Name => "source";

    public bool TryCreateMatcher(SelectorMethodInput input, [NotNullWhen(true)] out Func<GraphNode, bool>? matcher, [NotNullWhen(false)] out string? error)
    {
        var parts = input.Text.Split('.');
        var (package, source, table) = parts.Length switch
        {
            1 => ("*", parts[0], "*"),
            2 => ("*", parts[0], parts[1]),
            3 => (parts[0], parts[1], parts[2]),
            _ => (string.Empty, string.Empty, string.Empty),
        };
        if (parts.Length > 3)
        {
            matcher = null;
            error = $"invalid source selector value '{input.Text}': expected source_name, source_name.table_name or package_name.source_name.table_name";
            return false;
        }

        matcher = node => node.ResourceType == NodeType.Source
            && Fnmatch.IsMatch(node.PackageName, package)
            && Fnmatch.IsMatch(node.SourceName ?? string.Empty, source)
            && Fnmatch.IsMatch(node.Name, table);
        error = null;
        return true;
    }
}
