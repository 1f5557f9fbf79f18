namespace Cedule.Core.Selection;

/// <summary>
/// The <c>path:</c> method's pattern, matched the way dbt's <c>Path(root).glob(selector)</c>
/// matches files and folders: segment by segment, <c>*</c> staying inside a segment and
/// <c>**</c> spanning any number of folders. dbt globs the disk; Cedule matches the node paths it
/// already knows, which gives the same answer for every path that exists.
/// </summary>
internal sealed class PathGlob
{
    private readonly string[] _segments;
    private readonly bool _matchesAll;

    private PathGlob(string[] segments, bool matchesAll)
    {
        _segments = segments;
        _matchesAll = matchesAll;
    }

    /// <summary>Normalises <c>./models\staging/</c> to <c>models/staging</c> and splits it.</summary>
    public static PathGlob Parse(string pattern)
    {
        var clean = Normalize(pattern);
        return new PathGlob(clean.Split('/'), clean.Length == 0 || clean == ".");
    }

    public static string Normalize(string path)
    {
        var clean = path.Replace('\\', '/');
        while (clean.Contains("//", StringComparison.Ordinal))
        {
            clean = clean.Replace("//", "/", StringComparison.Ordinal);
        }

        while (clean.StartsWith("./", StringComparison.Ordinal))
        {
            clean = clean[2..];
        }

        return clean.Length > 1 ? clean.TrimEnd('/') : clean;
    }

    /// <summary>True when a file path or one of its folders matches (dbt: the file, or any of its parents, is in the glob's result).</summary>
    public bool MatchesFileOrFolder(string filePath)
    {
        if (_matchesAll)
        {
            return true;
        }

        var parts = Normalize(filePath).Split('/');
        for (var length = parts.Length; length > 0; length--)
        {
            if (Match(parts, length, 0, 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when exactly this file matches.</summary>
    public bool MatchesFile(string filePath) => _matchesAll || Match(Normalize(filePath).Split('/'), -1, 0, 0);

    private bool Match(string[] parts, int length, int part, int segment)
    {
        if (length < 0)
        {
            length = parts.Length;
        }

        while (true)
        {
            if (segment == _segments.Length)
            {
                return part == length;
            }

            if (_segments[segment] == "**")
            {
                for (var skip = part; skip <= length; skip++)
                {
                    if (Match(parts, length, skip, segment + 1))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (part == length || !Fnmatch.IsMatch(parts[part], _segments[segment]))
            {
                return false;
            }

            part++;
            segment++;
        }
    }
}
