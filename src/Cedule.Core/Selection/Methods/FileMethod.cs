using System.Diagnostics.CodeAnalysis;
using Cedule.Core.Graph;

namespace Cedule.Core.Selection.Methods;

/// <summary><c>file:</c> nodes whose file name, with or without extension, matches the value (wildcards allowed).</summary>
internal sealed class FileMethod : ISelectorMethod
{
    public string Name => "file";

    public bool TryCreateMatcher(SelectorMethodInput input, [NotNullWhen(true)] out Func<GraphNode, bool>? matcher, [NotNullWhen(false)] out string? error)
    {
        var pattern = input.Text;
        matcher = node =>
        {
            var path = node.OriginalFilePath;
            var name = path[(path.LastIndexOf('/') + 1)..];
            if (Fnmatch.IsMatch(name, pattern))
            {
                return true;
            }

            // Python's Path.stem: the name without its last suffix; a leading dot is not a suffix.
            var dot = name.LastIndexOf('.');
            return Fnmatch.IsMatch(dot > 0 ? name[..dot] : name, pattern);
        };
        error = null;
        return true;
    }
}
