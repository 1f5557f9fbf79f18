using System.Globalization;
using System.Text;

namespace Cedule.Jinja.Values;

public static partial class PyFormat
{
    private sealed class BraceState(Arguments arguments, IRuntime? runtime)
    {
        public Arguments Arguments { get; } = arguments;

        public IRuntime? Runtime { get; } = runtime;

        public int AutoIndex { get; set; }

        public bool? Manual { get; set; }
    }

    private static string FormatCore(string format, Arguments arguments, IRuntime? runtime)
    {
        var text = Expand(format, new BraceState(arguments, runtime), 2);
        PyOps.Charge(runtime, text.Length);
        return text;
    }

    private static string Expand(string format, BraceState state, int depth)
    {
        if (depth < 0)
        {
            throw new TemplateException(ErrorKind.ValueError, "Max string recursion exceeded");
        }

        var text = new StringBuilder(format.Length + 16);
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            if (c == '{')
            {
                if (i + 1 < format.Length && format[i + 1] == '{')
                {
                    text.Append('{');
                    i += 2;
                    continue;
                }

                var end = FindFieldEnd(format, i + 1);
                text.Append(RenderField(format.Substring(i + 1, end - i - 1), state, depth));
                i = end + 1;
            }
            else if (c == '}')
            {
                if (i + 1 < format.Length && format[i + 1] == '}')
                {
                    text.Append('}');
                    i += 2;
                    continue;
                }

                throw new TemplateException(ErrorKind.ValueError, "Single '}' encountered in format string");
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        return text.ToString();
    }

    private static int FindFieldEnd(string format, int start)
    {
        var nesting = 1;
        var inBrackets = false;
        for (var i = start; i < format.Length; i++)
        {
            var c = format[i];
            if (inBrackets)
            {
                inBrackets = c != ']';
            }
            else if (c == '[')
            {
                inBrackets = true;
            }
            else if (c == '{')
            {
                nesting++;
            }
            else if (c == '}' && --nesting == 0)
            {
                return i;
            }
        }

        throw new TemplateException(ErrorKind.ValueError, start >= format.Length ? "Single '{' encountered in format string" : "expected '}' before end of string");
    }

    private static string RenderField(string field, BraceState state, int depth)
    {
        // The field name ends at the first '!' or ':' outside square brackets.
        var nameEnd = 0;
        var inBrackets = false;
        while (nameEnd < field.Length)
        {
            var c = field[nameEnd];
            if (inBrackets)
            {
                inBrackets = c != ']';
            }
            else if (c == '[')
            {
                inBrackets = true;
            }
            else if (c is '!' or ':')
            {
                break;
            }

            nameEnd++;
        }

        var value = ResolveField(field[..nameEnd], state);
        var rest = field[nameEnd..];
        if (rest.StartsWith('!'))
        {
            if (rest.Length < 2 || (rest.Length > 2 && rest[2] != ':'))
            {
                throw new TemplateException(ErrorKind.ValueError, "expected ':' after conversion specifier");
            }

            value = rest[1] switch
            {
                'r' => PyOps.Repr(value),
                's' => PyOps.ToStr(value),
                'a' => Ascii(PyOps.Repr(value)),
                _ => throw new TemplateException(ErrorKind.ValueError, $"Unknown conversion specifier {rest[1]}"),
            };
            rest = rest[2..];
        }

        var spec = rest.StartsWith(':') ? rest[1..] : string.Empty;
        if (spec.Contains('{', StringComparison.Ordinal))
        {
            spec = Expand(spec, state, depth - 1);
        }

        ChargeSpecNumbers(spec, state.Runtime);
        return FormatValue(value, spec);
    }

    /// <summary>
    /// Pays for the width and precision of a spec (every number in it, an upper bound) before
    /// the field is formatted, so <c>{:>99999999}</c> fails on fuel without allocating.
    /// </summary>
    private static void ChargeSpecNumbers(string spec, IRuntime? runtime)
    {
        var total = 0L;
        var number = 0L;
        foreach (var c in spec)
        {
            number = c is >= '0' and <= '9' ? Math.Min((number * 10) + (c - '0'), int.MaxValue) : 0;
            if (number == 0)
            {
                continue;
            }

            total = Math.Max(total, number);
        }

        PyOps.Charge(runtime, total);
    }

    private static object? ResolveField(string name, BraceState state)
    {
        var end = 0;
        while (end < name.Length && name[end] is not ('.' or '['))
        {
            end++;
        }

        var first = name[..end];
        object? value;
        if (first.Length == 0 || IsAllDigits(first))
        {
            int index;
            if (first.Length == 0)
            {
                if (state.Manual == true)
                {
                    throw new TemplateException(ErrorKind.ValueError, "cannot switch from manual field specification to automatic field numbering");
                }

                state.Manual = false;
                index = state.AutoIndex++;
            }
            else
            {
                if (state.Manual == false)
                {
                    throw new TemplateException(ErrorKind.ValueError, "cannot switch from automatic field numbering to manual field specification");
                }

                state.Manual = true;
                index = int.Parse(first, NumberStyles.None, CultureInfo.InvariantCulture);
            }

            if (index >= state.Arguments.Count)
            {
                throw new TemplateException(ErrorKind.IndexError, $"Replacement index {index} out of range for positional args tuple");
            }

            value = state.Arguments.Positional[index];
        }
        else if (!state.Arguments.TryGetKeyword(first, out value))
        {
            throw new TemplateException(ErrorKind.KeyError, PyOps.Repr(first));
        }

        var i = end;
        while (i < name.Length)
        {
            if (name[i] == '.')
            {
                var start = ++i;
                while (i < name.Length && name[i] is not ('.' or '['))
                {
                    i++;
                }

                value = GetAttribute(value, name[start..i]);
            }
            else
            {
                var close = name.IndexOf(']', i);
                if (close < 0)
                {
                    throw new TemplateException(ErrorKind.ValueError, "Missing ']' in format string");
                }

                var keyText = name[(i + 1)..close];
                object? key = IsAllDigits(keyText) ? long.Parse(keyText, NumberStyles.None, CultureInfo.InvariantCulture) : keyText;
                if (!PyOps.TryGetItem(value, key, out var item))
                {
                    throw value is PyDict
                        ? new TemplateException(ErrorKind.KeyError, PyOps.Repr(key))
                        : new TemplateException(ErrorKind.IndexError, $"{PyOps.TypeName(value)} index out of range");
                }

                value = item;
                i = close + 1;
            }
        }

        return value;
    }

    private static object? GetAttribute(object? value, string name)
    {
        if (value is IJinjaObject obj && obj.TryGetAttribute(name, out var attribute))
        {
            return attribute;
        }

        if (PyMethods.TryGetAttribute(value, name, out attribute))
        {
            return attribute;
        }

        throw new TemplateException(ErrorKind.AttributeError, $"'{PyOps.TypeName(value)}' object has no attribute '{name}'");
    }

    private static bool IsAllDigits(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Python's <c>ascii()</c> applied to a repr: non-ASCII characters escaped.</summary>
    internal static string Ascii(string repr)
    {
        if (System.Text.Ascii.IsValid(repr))
        {
            return repr;
        }

        var text = new StringBuilder(repr.Length + 8);
        foreach (var rune in repr.EnumerateRunes())
        {
            if (rune.Value < 128)
            {
                text.Append((char)rune.Value);
            }
            else if (rune.Value <= 0xff)
            {
                text.Append("\\x").Append(rune.Value.ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (rune.Value <= 0xffff)
            {
                text.Append("\\u").Append(rune.Value.ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append("\\U").Append(rune.Value.ToString("x8", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
