namespace Cedule.Jinja.Syntax;

/// <summary>
/// Where a token or node starts in its template: a character offset into the normalized
/// source (newlines folded to <c>\n</c>) and its 1-based line and column.
/// </summary>
/// <param name="Offset">0-based character offset.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct Span(int Offset, int Line, int Column)
{
    /// <summary>An unknown position.</summary>
    public static Span None => default;
}
