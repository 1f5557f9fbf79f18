namespace Cedule.Jinja.Syntax;

/// <summary>
/// A template's source after Jinja2's newline normalization (every <c>\r\n</c>, <c>\r</c> becomes
/// <c>\n</c>; one trailing newline dropped unless kept), with a line table for locations.
/// </summary>
internal sealed class SourceText
{
    private readonly int[] lineStarts;

    public SourceText(string raw, string? name, bool keepTrailingNewline)
    {
        Name = name;
        var text = raw.Contains('\r', StringComparison.Ordinal)
            ? raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            : raw;
        if (!keepTrailingNewline && text.Length > 0 && text[^1] == '\n')
        {
            text = text[..^1];
        }

        Text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        lineStarts = [.. starts];
    }

    public string? Name { get; }

    public string Text { get; }

    public Span SpanAt(int offset)
    {
        var index = Array.BinarySearch(lineStarts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return new Span(offset, index + 1, offset - lineStarts[index] + 1);
    }

    /// <summary>The text of a 1-based line, without its newline.</summary>
    public string? LineText(int line)
    {
        if (line < 1 || line > lineStarts.Length)
        {
            return null;
        }

        var start = lineStarts[line - 1];
        var end = line < lineStarts.Length ? lineStarts[line] - 1 : Text.Length;
        return Text[start..end];
    }

    public TemplateException Error(ErrorKind kind, string message, Span span) =>
        new TemplateException(kind, message).WithLocation(Name, span.Line, span.Column, LineText(span.Line));
}
