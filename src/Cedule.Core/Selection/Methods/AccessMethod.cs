using System.Diagnostics.CodeAnalysis;
using Cedule.Core.Graph;

namespace Cedule.Core.Selection.Methods;

/// <summary><c>access:</c> models whose access (config <c>access</c>, <c>protected</c> when unset) equals the value exactly.</summary>
internal sealed class AccessMethod : ISelectorMethod
{
    public string Name => "access";

    public bool TryCreateMatcher(SelectorMethodInput input, [NotNullWhen(true)] out Func<GraphNode, bool>? matcher, [NotNullWhen(false)] out string? error)
    {
        var value = input.Text;
        matcher = node => node.ResourceType == NodeType.Model
            && string.Equals(node.Config.TryGetValue("access", out var access) && access is string text ? text : "protected", value, StringComparison.Ordinal);
        error = null;
        return true;
    }
}
