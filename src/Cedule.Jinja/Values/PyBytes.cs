using System.Collections;
using System.Globalization;
using System.Text;

namespace Cedule.Jinja.Values;

/// <summary>
/// Python's <c>bytes</c>, as <c>str.encode()</c> returns it: an immutable sequence of ints that
/// prints as <c>b'...'</c> and can be decoded back.
/// </summary>
public sealed class PyBytes : IReadOnlyList<object?>, IJinjaObject
{
    private readonly byte[] _bytes;

    /// <summary>Wraps <paramref name="bytes"/>, which the caller must not change afterwards.</summary>
    public PyBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        _bytes = bytes;
    }

    /// <summary>Number of bytes.</summary>
    public int Count => _bytes.Length;

    /// <summary>The byte at <paramref name="index"/>, as an int.</summary>
    public object? this[int index] => PyOps.Box(_bytes[index]);

    /// <summary>The bytes.</summary>
    public ReadOnlySpan<byte> AsSpan() => _bytes;

    /// <inheritdoc />
    public IEnumerator<object?> GetEnumerator()
    {
        foreach (var b in _bytes)
        {
            yield return PyOps.Box(b);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary><c>decode(encoding='utf-8')</c> is the one attribute.</summary>
    public bool TryGetAttribute(string name, out object? value)
    {
        value = name == "decode" ? new DecodeMethod(this) : null;
        return value is not null;
    }

    /// <summary>Python's <c>repr()</c>: <c>b'h\xc3\xa9'</c>.</summary>
    public string ToPythonString()
    {
        var quote = Array.IndexOf(_bytes, (byte)'\'') >= 0 && Array.IndexOf(_bytes, (byte)'"') < 0 ? '"' : '\'';
        var text = new StringBuilder(_bytes.Length + 3).Append('b').Append(quote);
        foreach (var b in _bytes)
        {
            switch (b)
            {
                case (byte)'\\':
                    text.Append("\\\\");
                    break;
                case (byte)'\n':
                    text.Append("\\n");
                    break;
                case (byte)'\r':
                    text.Append("\\r");
                    break;
                case (byte)'\t':
                    text.Append("\\t");
                    break;
                default:
                    if (b == quote)
                    {
                        text.Append('\\').Append(quote);
                    }
                    else if (b < 0x20 || b >= 0x7f)
                    {
                        text.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append((char)b);
                    }

                    break;
            }
        }

        return text.Append(quote).ToString();
    }

    /// <summary>Equal to bytes with the same content.</summary>
    public override bool Equals(object? obj) => obj is PyBytes other && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <summary>Hash of the content.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    /// <summary>Python's <c>str.encode(encoding)</c> for UTF-8, ASCII and Latin-1.</summary>
    internal static PyBytes Encode(string text, string encoding) => new(CodecFor(encoding).GetBytes(text));

    internal static Encoding CodecFor(string encoding) =>
        encoding.ToLowerInvariant().Replace('_', '-') switch
        {
            "utf-8" or "utf8" => new UTF8Encoding(false, true),
            "ascii" or "us-ascii" => Encoding.GetEncoding("us-ascii", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
            "latin-1" or "latin1" or "iso-8859-1" => Encoding.Latin1,
            _ => throw new TemplateException(ErrorKind.ValueError, $"unknown encoding: {encoding}"),
        };

    private sealed class DecodeMethod(PyBytes bytes) : IJinjaCallable
    {
        public object? Call(IRuntime runtime, Arguments arguments)
        {
            var encoding = PyOps.ToStr(arguments.Get(0, "encoding", "utf-8"));
            try
            {
                return CodecFor(encoding).GetString(bytes._bytes);
            }
            catch (DecoderFallbackException e)
            {
                throw new TemplateException(ErrorKind.ValueError, e.Message, e);
            }
        }
    }
}
