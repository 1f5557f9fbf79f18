using System.Diagnostics.CodeAnalysis;
using Cedule.Core.Graph;

namespace Cedule.Core.Selection.Methods;

/// <summary><c>resource_type:</c> nodes of one type, named as dbt names it (<c>model</c>, <c>unit_test</c>).</summary>
internal sealed class ResourceTypeMethod : ISelectorMethod
{
    public string Name => "resource_type";

    public bool TryCreateMatcher(SelectorMethodInput input, [NotNullWhen(true)] out Func<GraphNode, bool>? matcher, [NotNullWhen(false)] out string? error)
    {
        if (NodeTypeNames.TryParse(input.Text, out var type))
        {
            var wanted = type.Value;
            matcher = node => node.ResourceType == wanted;
            error = null;
            return true;
        }

        if (NodeTypeNames.NonGraphNames.Contains(input.Text))
        {
            // A type dbt knows but never puts in the graph (macro, doc…): valid, selects nothing.
            matcher = static _ => false;
            error = null;
            return true;
        }

        matcher = null;
        error = $"invalid resource_type selector '{input.Text}': expected one of {string.Join(", ", NodeTypeNames.All.Select(t => t.ToName()))}";
        return false;
    }
}
