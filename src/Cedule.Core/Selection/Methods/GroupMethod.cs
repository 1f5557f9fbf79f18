using System.Diagnostics.CodeAnalysis;
using Cedule.Core.Graph;

namespace Cedule.Core.Selection.Methods;

/// <summary><c>group:</c> nodes (not sources or exposures) whose <c>group</c> config matches the value; metrics too, as in dbt.</summary>
internal sealed class GroupMethod : ISelectorMethod
{
    public string Name => "group";

    public bool TryCreateMatcher(SelectorMethodInput input, [NotNullWhen(true)] out Func<GraphNode, bool>? matcher, [NotNullWhen(false)] out string? error)
    {
        var pattern = input.Text;
        matcher = node => NodeKinds.IsParsedNode(node.ResourceType) || node.ResourceType == NodeType.Metric
            ? node.Config.TryGetValue("group", out var group) && group is string name && name.Length > 0 && Fnmatch.IsMatch(name, pattern)
            : false;
        error = null;
        return true;
    }
}
