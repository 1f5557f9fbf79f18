namespace Cedule.Jinja;

/// <summary>How the body of a host-registered block tag is treated.</summary>
public enum BlockTagBody
{
    /// <summary>
    /// The body is template code and the tag defines a macro, exactly as
    /// <c>{% macro name(params) %}body{% endmacro %}</c> would, under the name that
    /// <see cref="BlockTagDefinition.MacroName"/> chooses (dbt's <c>test</c>, <c>materialization</c>, <c>snapshot</c>).
    /// </summary>
    Macro,

    /// <summary>
    /// The body is kept as raw, unparsed text (like <c>{% raw %}</c>) and rendering the tag
    /// outputs nothing; the host reads it from <see cref="Template.BlockTags"/> (dbt's <c>docs</c>).
    /// </summary>
    Raw,
}

/// <summary>
/// A custom block tag a host adds with <see cref="Environment.AddBlockTag"/>:
/// <c>{% NAME header %}body{% endNAME %}</c>. The header is an identifier, an optional macro
/// signature in parentheses, then optional comma-separated arguments that must be literals,
/// bare identifiers (taken as strings) or <c>key=literal</c> pairs:
/// <c>{% test not_null(model, column_name) %}</c>, <c>{% materialization table, adapter='duckdb' %}</c>,
/// <c>{% snapshot orders_snapshot %}</c>, <c>{% docs orders %}</c>.
/// </summary>
/// <param name="Name">The tag name; the closing tag is <c>end</c> + name.</param>
/// <param name="Body">What the body is.</param>
/// <param name="MacroName">For <see cref="BlockTagBody.Macro"/>: the name of the macro the tag defines, from its header; by default the header's identifier.</param>
public sealed record BlockTagDefinition(string Name, BlockTagBody Body, Func<BlockTagHeader, string>? MacroName = null)
{
    /// <summary>The closing tag's name.</summary>
    public string EndName => "end" + Name;
}

/// <summary>The parsed header of one use of a custom block tag.</summary>
/// <param name="TagName">Which tag (<c>test</c>, <c>docs</c>...).</param>
/// <param name="Name">The identifier after the tag name.</param>
/// <param name="Parameters">The signature's parameter names, empty when there were no parentheses.</param>
/// <param name="Arguments">Positional header arguments after the identifier (identifiers become strings).</param>
/// <param name="Keywords">Keyword header arguments, in the order written.</param>
/// <param name="Line">1-based line of the tag.</param>
public sealed record BlockTagHeader(
    string TagName,
    string Name,
    IReadOnlyList<string> Parameters,
    IReadOnlyList<object?> Arguments,
    IReadOnlyList<KeyValuePair<string, object?>> Keywords,
    int Line)
{
    /// <summary>A keyword argument's value, or <paramref name="defaultValue"/> when absent.</summary>
    public object? GetKeyword(string key, object? defaultValue = null)
    {
        foreach (var pair in Keywords)
        {
            if (string.Equals(pair.Key, key, StringComparison.Ordinal))
            {
                return pair.Value;
            }
        }

        return defaultValue;
    }
}

/// <summary>One use of a custom block tag found in a template.</summary>
/// <param name="Header">Its header.</param>
/// <param name="MacroName">For macro tags, the name of the macro it defines; otherwise null.</param>
/// <param name="RawBody">For raw tags, the body text exactly as written; otherwise null.</param>
public sealed record BlockTagInstance(BlockTagHeader Header, string? MacroName, string? RawBody);
