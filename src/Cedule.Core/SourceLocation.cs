using System.Globalization;

namespace Cedule.Core;

/// <summary>A position in a project file: path relative to the project root, 1-based line and column.</summary>
/// <param name="Path">The file, relative to the root of the project that owns it (forward slashes).</param>
/// <param name="Line">1-based line, or 0 when only the file is known.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
public readonly record struct SourceLocation(string Path, int Line, int Column)
{
    /// <summary>A location naming only a file.</summary>
    public static SourceLocation InFile(string path) => new(path, 0, 0);

    /// <inheritdoc />
    public override string ToString() => Line <= 0
        ? Path
        : Column <= 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Path}:{Line}")
            : string.Create(CultureInfo.InvariantCulture, $"{Path}:{Line}:{Column}");
}
