using System.Globalization;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Syntax;

internal sealed partial class Lexer
{
    /// <summary>Lexes the inside of <c>{% %}</c> or <c>{{ }}</c> up to and including its end.</summary>
    private void LexTag(bool isBlock)
    {
        balance.Clear();
        var end = isBlock ? "%}" : "}}";
        while (pos < text.Length)
        {
            if (balance.Count == 0)
            {
                var endAt = MatchTagEnd(pos, end, isBlock && trimBlocks);
                if (endAt >= 0 && (isBlock || text[pos] != '+'))
                {
                    tokens.Add(new Token(isBlock ? TokenKind.BlockEnd : TokenKind.VariableEnd, null, source.SpanAt(pos)));
                    pos = endAt;
                    return;
                }
            }

            var c = text[pos];
            if (IsPyWhitespace(c))
            {
                pos++;
                continue;
            }

            if (char.IsAsciiDigit(c) && LexNumber())
            {
                continue;
            }

            if (IsNameStart(c))
            {
                var start = pos;
                pos++;
                while (pos < text.Length && IsNamePart(text[pos]))
                {
                    pos++;
                }

                tokens.Add(new Token(TokenKind.Name, string.Intern(text[start..pos]), source.SpanAt(start)));
                continue;
            }

            if (c is '\'' or '"' && LexString())
            {
                continue;
            }

            if (!LexOperator())
            {
                throw source.Error(
                    ErrorKind.TemplateSyntaxError,
                    string.Create(CultureInfo.InvariantCulture, $"unexpected char {PyReprChar(c)} at {pos}"),
                    source.SpanAt(pos));
            }
        }
    }

    private static string PyReprChar(char c) => c switch
    {
        '\'' => "\"'\"",
        '\\' => "'\\\\'",
        _ => "'" + c + "'",
    };

    private static bool IsNameStart(char c) =>
        c == '_' || char.IsLetter(c) || char.GetUnicodeCategory(c) == UnicodeCategory.LetterNumber;

    private static bool IsNamePart(char c)
    {
        if (c == '_' || char.IsLetterOrDigit(c))
        {
            return true;
        }

        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.LetterNumber or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation;
    }

    private bool LexOperator()
    {
        var c = text[pos];
        var next = pos + 1 < text.Length ? text[pos + 1] : '\0';
        var (kind, length) = (c, next) switch
        {
            ('*', '*') => (TokenKind.Pow, 2),
            ('/', '/') => (TokenKind.FloorDiv, 2),
            ('=', '=') => (TokenKind.Eq, 2),
            ('!', '=') => (TokenKind.Ne, 2),
            ('>', '=') => (TokenKind.GtEq, 2),
            ('<', '=') => (TokenKind.LtEq, 2),
            ('+', _) => (TokenKind.Add, 1),
            ('-', _) => (TokenKind.Sub, 1),
            ('/', _) => (TokenKind.Div, 1),
            ('*', _) => (TokenKind.Mul, 1),
            ('%', _) => (TokenKind.Mod, 1),
            ('~', _) => (TokenKind.Tilde, 1),
            ('[', _) => (TokenKind.LBracket, 1),
            (']', _) => (TokenKind.RBracket, 1),
            ('(', _) => (TokenKind.LParen, 1),
            (')', _) => (TokenKind.RParen, 1),
            ('{', _) => (TokenKind.LBrace, 1),
            ('}', _) => (TokenKind.RBrace, 1),
            ('>', _) => (TokenKind.Gt, 1),
            ('<', _) => (TokenKind.Lt, 1),
            ('=', _) => (TokenKind.Assign, 1),
            ('.', _) => (TokenKind.Dot, 1),
            (':', _) => (TokenKind.Colon, 1),
            ('|', _) => (TokenKind.Pipe, 1),
            (',', _) => (TokenKind.Comma, 1),
            (';', _) => (TokenKind.Semicolon, 1),
            _ => (TokenKind.Eof, 0),
        };
        if (length == 0)
        {
            return false;
        }

        var span = source.SpanAt(pos);
        switch (kind)
        {
            case TokenKind.LBrace:
                balance.Push('}');
                break;
            case TokenKind.LParen:
                balance.Push(')');
                break;
            case TokenKind.LBracket:
                balance.Push(']');
                break;
            case TokenKind.RBrace or TokenKind.RParen or TokenKind.RBracket:
                if (balance.Count == 0)
                {
                    throw source.Error(ErrorKind.TemplateSyntaxError, $"unexpected '{c}'", span);
                }

                var expected = balance.Pop();
                if (expected != c)
                {
                    throw source.Error(ErrorKind.TemplateSyntaxError, $"unexpected '{c}', expected '{expected}'", span);
                }

                break;
        }

        tokens.Add(new Token(kind, null, span));
        pos += length;
        return true;
    }

    /// <summary>Lexes a float (tried first, as Jinja2 does) or an integer literal.</summary>
    private bool LexNumber()
    {
        var start = pos;
        if (start == 0 || text[start - 1] != '.')
        {
            var floatEnd = MatchFloat(start);
            if (floatEnd > 0)
            {
                var literal = text[start..floatEnd].Replace("_", string.Empty, StringComparison.Ordinal);
                var value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
                tokens.Add(new Token(TokenKind.Float, value, source.SpanAt(start)));
                pos = floatEnd;
                return true;
            }
        }

        var (end, radix) = MatchInteger(start);
        if (end < 0)
        {
            return false;
        }

        var digits = text[(radix == 10 ? start : start + 2)..end].Replace("_", string.Empty, StringComparison.Ordinal);
        object integer;
        try
        {
            integer = ParseInteger(digits, radix);
        }
        catch (TemplateException error)
        {
            // Jinja2's lexer calls int() on the literal: a too-long one fails at parse time.
            throw source.Error(error.Kind, error.Detail, source.SpanAt(start));
        }

        tokens.Add(new Token(TokenKind.Integer, integer, source.SpanAt(start)));
        pos = end;
        return true;
    }

    private static object ParseInteger(string digits, int radix)
    {
        if (radix == 10 && digits.Length < 19)
        {
            return long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        var value = PyIntText.Parse(digits, radix);
        return value <= long.MaxValue ? (object)(long)value : value;
    }

    private int DigitRun(int at, Func<char, bool> isDigit)
    {
        // (\d+_)*\d+ : digits, possibly with single underscores between them.
        if (at >= text.Length || !isDigit(text[at]))
        {
            return -1;
        }

        var i = at;
        while (true)
        {
            while (i < text.Length && isDigit(text[i]))
            {
                i++;
            }

            if (i + 1 < text.Length && text[i] == '_' && isDigit(text[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }
    }

    private int MatchFloat(int start)
    {
        var i = DigitRun(start, char.IsAsciiDigit);
        if (i < 0)
        {
            return -1;
        }

        var hasFraction = false;
        if (i < text.Length && text[i] == '.')
        {
            var f = DigitRun(i + 1, char.IsAsciiDigit);
            if (f > 0)
            {
                i = f;
                hasFraction = true;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var e = i + 1;
            if (e < text.Length && text[e] is '+' or '-')
            {
                e++;
            }

            var x = DigitRun(e, char.IsAsciiDigit);
            if (x > 0)
            {
                return x;
            }
        }

        return hasFraction ? i : -1;
    }

    private (int End, int Radix) MatchInteger(int start)
    {
        if (text[start] == '0' && start + 1 < text.Length)
        {
            var marker = char.ToLowerInvariant(text[start + 1]);
            Func<char, bool>? isDigit = marker switch
            {
                'b' => static c => c is '0' or '1',
                'o' => static c => c is >= '0' and <= '7',
                'x' => char.IsAsciiHexDigit,
                _ => null,
            };
            if (isDigit is not null)
            {
                // 0x(_?[\da-f])+
                var i = start + 2;
                var any = false;
                while (true)
                {
                    if (i < text.Length && isDigit(text[i]))
                    {
                        i++;
                        any = true;
                    }
                    else if (i + 1 < text.Length && text[i] == '_' && isDigit(text[i + 1]))
                    {
                        i += 2;
                        any = true;
                    }
                    else
                    {
                        break;
                    }
                }

                if (any)
                {
                    return (i, marker switch { 'b' => 2, 'o' => 8, _ => 16 });
                }
            }
        }

        if (text[start] == '0')
        {
            // 0(_?0)*
            var i = start + 1;
            while (true)
            {
                if (i < text.Length && text[i] == '0')
                {
                    i++;
                }
                else if (i + 1 < text.Length && text[i] == '_' && text[i + 1] == '0')
                {
                    i += 2;
                }
                else
                {
                    return (i, 10);
                }
            }
        }

        var end = start + 1;
        while (true)
        {
            if (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }
            else if (end + 1 < text.Length && text[end] == '_' && char.IsAsciiDigit(text[end + 1]))
            {
                end += 2;
            }
            else
            {
                return (end, 10);
            }
        }
    }
}
