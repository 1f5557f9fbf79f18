namespace Cedule.Jinja.Loaders;

/// <summary>
/// Templates read from files under a root folder (Jinja2's <c>FileSystemLoader</c>, UTF-8).
/// Names use <c>/</c>; a name with a <c>..</c> segment, a backslash or a path that resolves
/// outside the root is refused, so a template cannot read arbitrary files.
/// </summary>
public sealed class FileSystemLoader : ITemplateLoader
{
    private readonly string root;

    /// <summary>Serves templates from <paramref name="rootPath"/>.</summary>
    public FileSystemLoader(string rootPath)
    {
        root = Path.GetFullPath(rootPath);
    }

    /// <inheritdoc />
    public bool TryGetSource(string name, out string source)
    {
        source = string.Empty;
        if (!TryResolve(name, out var path) || !File.Exists(path))
        {
            return false;
        }

        source = File.ReadAllText(path);
        return true;
    }

    /// <summary>Maps a template name to a file path inside the root, as Jinja2's <c>split_template_path</c> does.</summary>
    internal bool TryResolve(string name, out string path)
    {
        path = string.Empty;
        var pieces = new List<string>();
        foreach (var piece in name.Split('/'))
        {
            if (piece.Contains('\\', StringComparison.Ordinal) || piece.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || piece == ".." || piece.Contains(':', StringComparison.Ordinal) || piece.Contains('\0', StringComparison.Ordinal))
            {
                return false;
            }

            if (piece.Length > 0 && piece != ".")
            {
                pieces.Add(piece);
            }
        }

        if (pieces.Count == 0)
        {
            return false;
        }

        var full = Path.GetFullPath(Path.Combine([root, .. pieces]));
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        path = full;
        return true;
    }
}
