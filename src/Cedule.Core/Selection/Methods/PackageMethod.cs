using System.Diagnostics.CodeAnalysis;
using Cedule.Core.Graph;

namespace Cedule.Core.Selection.Methods;

/// <summary><c>package:</c> nodes of packages matching the value; <c>this</c> stands for the root project.</summary>
internal sealed class PackageMethod : ISelectorMethod
{
    public string Name => "package";

    public bool TryCreateMatcher(SelectorMethodInput input, [NotNullWhen(true)] out Func<GraphNode, bool>? matcher, [NotNullWhen(false)] out string? error)
    {
        var pattern = input.Text == "this" && input.RootProjectName is { } root ? root : input.Text;
        matcher = node => Fnmatch.IsMatch(node.PackageName, pattern);
        error = null;
        return true;
    }
}
