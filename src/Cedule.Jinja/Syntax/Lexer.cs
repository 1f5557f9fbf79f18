namespace Cedule.Jinja.Syntax;

/// <summary>
/// Turns template source into tokens, following the states and rules of Jinja2's lexer:
/// template data, <c>{{ }}</c>, <c>{% %}</c>, comments, <c>raw</c> blocks, whitespace control
/// with <c>-</c> and <c>+</c>, and the <c>trim_blocks</c>/<c>lstrip_blocks</c> options.
/// </summary>
internal sealed partial class Lexer
{
    private readonly SourceText source;
    private readonly string text;
    private readonly bool trimBlocks;
    private readonly bool lstripBlocks;
    private readonly IReadOnlySet<string>? rawTags;
    private readonly List<Token> tokens;
    private readonly Stack<char> balance = new();
    private int pos;

    public Lexer(SourceText source, bool trimBlocks, bool lstripBlocks, IReadOnlySet<string>? rawTags = null)
    {
        this.rawTags = rawTags;
        this.source = source;
        text = source.Text;
        // Templates average about one token per four characters: sizing the list up front saves
        // the doublings that made token arrays the largest allocation of a parse.
        tokens = new List<Token>((text.Length / 4) + 16);
        this.trimBlocks = trimBlocks;
        this.lstripBlocks = lstripBlocks;
    }

    public static List<Token> Tokenize(
        SourceText source, bool trimBlocks = false, bool lstripBlocks = false, IReadOnlySet<string>? rawTags = null) =>
        new Lexer(source, trimBlocks, lstripBlocks, rawTags).Run();

    private List<Token> Run()
    {
        while (pos < text.Length)
        {
            LexRoot();
        }

        // Jinja2 gives the end-of-template token the line of the last token before it.
        tokens.Add(new Token(TokenKind.Eof, null, tokens.Count > 0 ? tokens[^1].Span : source.SpanAt(text.Length)));
        return tokens;
    }

    private enum Opener
    {
        None,
        Raw,
        Comment,
        Block,
        Variable,
    }

    /// <summary>Lexes template data up to the next tag, then the tag itself.</summary>
    private void LexRoot()
    {
        var start = pos;
        var (at, opener, sign, afterOpener) = FindOpener(start);
        if (opener == Opener.None)
        {
            AddData(start, text.Length, text[start..]);
            pos = text.Length;
            return;
        }

        var data = text[start..at];
        data = ApplyLeftStrip(data, sign, opener != Opener.Variable, start);
        AddData(start, at, data);
        pos = afterOpener;
        switch (opener)
        {
            case Opener.Raw:
                LexRaw(at, "endraw", false);
                break;
            case Opener.Comment:
                LexComment(at);
                break;
            case Opener.Block:
                var begin = tokens.Count;
                tokens.Add(new Token(TokenKind.BlockBegin, null, source.SpanAt(at)));
                LexTag(isBlock: true);
                if (rawTags is not null && tokens.Count > begin + 1 && tokens[begin + 1].Kind == TokenKind.Name
                    && rawTags.Contains(tokens[begin + 1].Text))
                {
                    LexRaw(at, "end" + tokens[begin + 1].Text, true);
                }

                break;
            default:
                tokens.Add(new Token(TokenKind.VariableBegin, null, source.SpanAt(at)));
                LexTag(isBlock: false);
                break;
        }
    }

    private void AddData(int start, int end, string data)
    {
        _ = end;
        if (data.Length > 0)
        {
            tokens.Add(new Token(TokenKind.Data, data, source.SpanAt(start)));
        }
    }

    private string ApplyLeftStrip(string data, char sign, bool canLstrip, int dataStart)
    {
        if (sign == '-')
        {
            return data.TrimEnd(PyWhitespace);
        }

        if (sign != '+' && lstripBlocks && canLstrip)
        {
            var lineStart = data.LastIndexOf('\n') + 1;
            var lineStarting = dataStart == 0 || text[dataStart - 1] == '\n';
            if ((lineStart > 0 || lineStarting) && lineStart < data.Length && IsAllWhitespace(data, lineStart))
            {
                return data[..lineStart];
            }
        }

        return data;
    }

    /// <summary>Finds the earliest <c>{{</c>, <c>{%</c>, <c>{#</c> or <c>{% raw %}</c> at or after <paramref name="from"/>.</summary>
    private (int At, Opener Opener, char Sign, int After) FindOpener(int from)
    {
        var i = from;
        while (true)
        {
            i = text.IndexOf('{', i);
            if (i < 0 || i + 1 >= text.Length)
            {
                return (-1, Opener.None, '\0', -1);
            }

            var next = text[i + 1];
            if (next is '{' or '%' or '#')
            {
                var after = i + 2;
                var sign = after < text.Length && text[after] is '-' or '+' ? text[after] : '\0';
                if (sign != '\0')
                {
                    after++;
                }

                if (next == '%' && TryMatchRawBegin(after, out var rawEnd))
                {
                    return (i, Opener.Raw, sign, rawEnd);
                }

                var opener = next switch
                {
                    '{' => Opener.Variable,
                    '%' => Opener.Block,
                    _ => Opener.Comment,
                };
                return (i, opener, sign, after);
            }

            i++;
        }
    }

    /// <summary>Matches <c>\s*raw\s*(-%}\s*|%})</c> after a block opener.</summary>
    private bool TryMatchRawBegin(int at, out int end)
    {
        end = at;
        var i = SkipWhitespace(at);
        if (!StartsWith(i, "raw"))
        {
            return false;
        }

        i = SkipWhitespace(i + 3);
        if (StartsWith(i, "-%}"))
        {
            end = SkipWhitespace(i + 3);
            return true;
        }

        if (StartsWith(i, "%}"))
        {
            end = i + 2;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Takes everything up to <c>{% END %}</c> as data. Host raw tags always get a data token
    /// (possibly empty) and their closing tag as tokens, so the parser sees a normal block.
    /// </summary>
    private void LexRaw(int openerAt, string endName, bool emitEndTag)
    {
        var search = pos;
        while (true)
        {
            var i = text.IndexOf("{%", search, StringComparison.Ordinal);
            if (i < 0)
            {
                throw source.Error(
                    ErrorKind.TemplateSyntaxError,
                    emitEndTag ? $"Missing end of {endName[3..]} block" : "Missing end of raw directive",
                    source.SpanAt(openerAt));
            }

            var j = i + 2;
            var sign = j < text.Length && text[j] is '-' or '+' ? text[j] : '\0';
            if (sign != '\0')
            {
                j++;
            }

            j = SkipWhitespace(j);
            if (StartsWith(j, endName) && (j + endName.Length >= text.Length || !IsNamePart(text[j + endName.Length])))
            {
                var k = SkipWhitespace(j + endName.Length);
                var end = MatchTagEnd(k, "%}", trimBlocks);
                if (end >= 0)
                {
                    var body = ApplyLeftStrip(text[pos..i], sign, true, pos);
                    if (emitEndTag)
                    {
                        tokens.Add(new Token(TokenKind.Data, body, source.SpanAt(pos)));
                        tokens.Add(new Token(TokenKind.BlockBegin, null, source.SpanAt(i)));
                        tokens.Add(new Token(TokenKind.Name, endName, source.SpanAt(j)));
                        tokens.Add(new Token(TokenKind.BlockEnd, null, source.SpanAt(k)));
                    }
                    else
                    {
                        AddData(pos, i, body);
                    }

                    pos = end;
                    return;
                }
            }

            search = i + 2;
        }
    }

    private void LexComment(int openerAt)
    {
        var i = text.IndexOf("#}", pos, StringComparison.Ordinal);
        if (i < 0)
        {
            throw source.Error(ErrorKind.TemplateSyntaxError, "Missing end of comment tag", source.SpanAt(openerAt));
        }

        var endStart = i > pos && text[i - 1] is '-' or '+' ? i - 1 : i;
        pos = MatchTagEnd(endStart, "#}", trimBlocks);
    }

    /// <summary>
    /// Matches a tag end at <paramref name="at"/>: <c>+END</c>, <c>-END\s*</c> or <c>END</c>
    /// (followed by one optional newline when trimming); returns the end offset or -1.
    /// </summary>
    private int MatchTagEnd(int at, string end, bool trim)
    {
        if (at < text.Length && text[at] == '+' && StartsWith(at + 1, end))
        {
            return at + 1 + end.Length;
        }

        if (at < text.Length && text[at] == '-' && StartsWith(at + 1, end))
        {
            return SkipWhitespace(at + 1 + end.Length);
        }

        if (StartsWith(at, end))
        {
            var after = at + end.Length;
            if (trim && after < text.Length && text[after] == '\n')
            {
                after++;
            }

            return after;
        }

        return -1;
    }

    private bool StartsWith(int at, string value) =>
        at >= 0 && at + value.Length <= text.Length && string.CompareOrdinal(text, at, value, 0, value.Length) == 0;

    private int SkipWhitespace(int at)
    {
        while (at < text.Length && IsPyWhitespace(text[at]))
        {
            at++;
        }

        return at;
    }

    private static readonly char[] PyWhitespace = BuildWhitespace();

    private static char[] BuildWhitespace()
    {
        var list = new List<char>();
        for (var c = 0; c <= 0x3000; c++)
        {
            if (IsPyWhitespace((char)c))
            {
                list.Add((char)c);
            }
        }

        return [.. list];
    }

    /// <summary>Python's <c>str.isspace</c> / regex <c>\s</c>, which also counts the information separators.</summary>
    internal static bool IsPyWhitespace(char c) => char.IsWhiteSpace(c) || c is '\x1c' or '\x1d' or '\x1e' or '\x1f';

    private static bool IsAllWhitespace(string value, int from)
    {
        for (var i = from; i < value.Length; i++)
        {
            if (!IsPyWhitespace(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
