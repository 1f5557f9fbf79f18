using System.Diagnostics.CodeAnalysis;
using Cedule.Core.Graph;

namespace Cedule.Core.Selection.Methods;

/// <summary><c>tag:</c> nodes of any type with a tag matching the value (wildcards allowed).</summary>
internal sealed class TagMethod : ISelectorMethod
{
    public string Name => "tag";

    public bool TryCreateMatcher(SelectorMethodInput input, [NotNullWhen(true)] out Func<GraphNode, bool>? matcher, [NotNullWhen(false)] out string? error)
    {
        var pattern = input.Text;
        matcher = node => node.Tags.Any(tag => Fnmatch.IsMatch(tag, pattern));
        error = null;
        return true;
    }
}
