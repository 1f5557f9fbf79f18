using System.Globalization;
using System.Text;

namespace Cedule.Jinja.Syntax;

internal sealed partial class Lexer
{
    /// <summary>Lexes a quoted string and decodes its escapes as Python's <c>unicode-escape</c> does.</summary>
    private bool LexString()
    {
        var quote = text[pos];
        var i = pos + 1;
        while (i < text.Length && text[i] != quote)
        {
            i += text[i] == '\\' ? 2 : 1;
        }

        if (i >= text.Length)
        {
            return false;
        }

        var span = source.SpanAt(pos);
        var value = Unescape(text, pos + 1, i, span);
        tokens.Add(new Token(TokenKind.String, value, span));
        pos = i + 1;
        return true;
    }

    private string Unescape(string raw, int start, int end, Span span)
    {
        if (raw.IndexOf('\\', start, end - start) < 0)
        {
            return raw[start..end];
        }

        var sb = new StringBuilder(end - start);
        var i = start;
        while (i < end)
        {
            var c = raw[i];
            if (c != '\\' || i + 1 >= end)
            {
                sb.Append(c);
                i++;
                continue;
            }

            var e = raw[i + 1];
            i += 2;
            switch (e)
            {
                case '\n': break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case >= '0' and <= '7':
                    var octal = e - '0';
                    for (var k = 0; k < 2 && i < end && raw[i] is >= '0' and <= '7'; k++, i++)
                    {
                        octal = (octal * 8) + (raw[i] - '0');
                    }

                    sb.Append((char)octal);
                    break;
                case 'x':
                    i = AppendHex(sb, raw, i, end, 2, "truncated \\xXX escape", span);
                    break;
                case 'u':
                    i = AppendHex(sb, raw, i, end, 4, "truncated \\uXXXX escape", span);
                    break;
                case 'U':
                    i = AppendHex(sb, raw, i, end, 8, "truncated \\UXXXXXXXX escape", span);
                    break;
                default:
                    sb.Append('\\').Append(e);
                    break;
            }
        }

        return sb.ToString();
    }

    private int AppendHex(StringBuilder sb, string raw, int i, int end, int count, string error, Span span)
    {
        if (i + count > end || !IsHexRun(raw, i, count))
        {
            throw source.Error(ErrorKind.TemplateSyntaxError, error, span);
        }

        var code = int.Parse(raw.AsSpan(i, count), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (code > 0x10FFFF || code < 0)
        {
            throw source.Error(ErrorKind.TemplateSyntaxError, "illegal Unicode character", span);
        }

        sb.Append(code <= 0xFFFF ? ((char)code).ToString() : char.ConvertFromUtf32(code));
        return i + count;
    }

    private static bool IsHexRun(string raw, int i, int count)
    {
        for (var k = 0; k < count; k++)
        {
            if (!char.IsAsciiHexDigit(raw[i + k]))
            {
                return false;
            }
        }

        return true;
    }
}
