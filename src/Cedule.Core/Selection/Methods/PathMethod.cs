using System.Diagnostics.CodeAnalysis;
using Cedule.Core.Graph;

namespace Cedule.Core.Selection.Methods;

/// <summary>
/// <c>path:</c> nodes whose file, one of the file's folders, or the property file that patches
/// them matches the path (relative to the package root, as dbt's <c>original_file_path</c>;
/// <c>*</c> and <c>**</c> allowed). A folder selects everything under it.
/// </summary>
internal sealed class PathMethod : ISelectorMethod
{
    public string Name => "path";

    public bool TryCreateMatcher(SelectorMethodInput input, [NotNullWhen(true)] out Func<GraphNode, bool>? matcher, [NotNullWhen(false)] out string? error)
    {
        var glob = PathGlob.Parse(input.Text);
        matcher = node => (node.OriginalFilePath.Length > 0 && glob.MatchesFileOrFolder(node.OriginalFilePath))
            || (node.PatchPath is { Length: > 0 } patch && glob.MatchesFile(patch));
        error = null;
        return true;
    }
}
