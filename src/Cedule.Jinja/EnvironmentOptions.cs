namespace Cedule.Jinja;

/// <summary>
/// How an <see cref="Environment"/> parses and renders. The defaults are Jinja2's defaults
/// (plus the <c>do</c> and <c>loopcontrols</c> extensions); the limits protect a server that
/// renders untrusted templates.
/// </summary>
public sealed class EnvironmentOptions
{
    /// <summary>Removes the first newline after a block tag (Jinja2's <c>trim_blocks</c>).</summary>
    public bool TrimBlocks { get; init; }

    /// <summary>Strips spaces and tabs before a block tag at the start of a line (<c>lstrip_blocks</c>).</summary>
    public bool LstripBlocks { get; init; }

    /// <summary>Keeps the template's final newline (<c>keep_trailing_newline</c>).</summary>
    public bool KeepTrailingNewline { get; init; }

    /// <summary>Every use of an undefined value fails, as with Jinja2's <c>StrictUndefined</c>.</summary>
    public bool StrictUndefined { get; init; }

    /// <summary>
    /// Steps one render may take (each statement, expression node and loop iteration costs one;
    /// operations on big values cost in proportion to their size); null means unlimited.
    /// </summary>
    public long? MaxFuel { get; init; }

    /// <summary>Deepest nesting of macro calls, includes, imports and recursive loops in one render.</summary>
    public int MaxRecursion { get; init; } = 400;

    /// <summary>Longest output (in UTF-16 characters) of a render or of any captured block; null means unlimited.</summary>
    public long? MaxOutputLength { get; init; }

    /// <summary>Deepest syntactic nesting (expressions and blocks) the parser accepts.</summary>
    public int MaxTemplateDepth { get; init; } = 200;
}
