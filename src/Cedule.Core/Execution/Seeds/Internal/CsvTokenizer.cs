using System.Text;
using Cedule.Core.Diagnostics;

namespace Cedule.Core.Execution.Seeds.Internal;

/// <summary>
/// Splits CSV text into rows of fields (RFC 4180 as Python's csv module reads it: quoted fields may
/// hold delimiters, doubled quotes and line breaks; a quote inside an unquoted field is a plain
/// character; blank lines are skipped). Fields are unescaped into one reusable buffer, so a row
/// costs no allocation; positions (1-based line and column) are kept for error messages.
/// </summary>
internal sealed class CsvTokenizer : IDisposable
{
    private const int BufferSize = 1 << 16;
    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly string _displayPath;
    private readonly char[] _buffer = new char[BufferSize];
    private int _bufferLength;
    private int _bufferPosition;
    private char[] _values = new char[1024];
    private int _valuesLength;
    private int[] _starts = new int[64];
    private int[] _lengths = new int[64];
    private int[] _columns = new int[64];
    private int _line = 1;
    private int _column = 1;

    public CsvTokenizer(string path, char delimiter, string displayPath)
    {
        // Strict UTF-8 (a BOM is skipped): a Latin-1 file is an error, not silently wrong text.
        _reader = new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, BufferSize);
        _delimiter = delimiter;
        _displayPath = displayPath;
    }

    /// <summary>Fields of the current row.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The line the current row starts on.</summary>
    public int RowLine { get; private set; }

    /// <summary>The column just past the current row's last character.</summary>
    public int RowEndColumn { get; private set; }

    /// <summary>The line of the current row's last character (differs from <see cref="RowLine"/> when a quoted field spans lines).</summary>
    public int RowEndLine { get; private set; }

    public ReadOnlySpan<char> Field(int index) => _values.AsSpan(_starts[index], _lengths[index]);

    /// <summary>The column where field <paramref name="index"/> starts, on <see cref="RowLine"/> for the first field.</summary>
    public int FieldColumn(int index) => _columns[index];

    public ProjectException Error(string message, int line, int column) =>
        new(Diagnostic.Error(DiagnosticCodes.SeedCsv, message, new SourceLocation(_displayPath, line, column)));

    /// <summary>Reads the next row; false at the end of the file.</summary>
    public bool ReadRow()
    {
        int c;
        while (true)
        {
            c = Peek();
            if (c < 0)
            {
                return false;
            }

            if (c is not ('\n' or '\r'))
            {
                break;
            }

            ReadNewline();
        }

        RowLine = _line;
        FieldCount = 0;
        _valuesLength = 0;
        while (true)
        {
            var endOfRow = ReadField();
            if (endOfRow)
            {
                RowEndLine = _line;
                RowEndColumn = _column;
                c = Peek();
                if (c is '\n' or '\r')
                {
                    ReadNewline();
                }

                return true;
            }
        }
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>Reads one field and the delimiter after it; true when the row ended after it.</summary>
    private bool ReadField()
    {
        if (FieldCount == _starts.Length)
        {
            Array.Resize(ref _starts, FieldCount * 2);
            Array.Resize(ref _lengths, FieldCount * 2);
            Array.Resize(ref _columns, FieldCount * 2);
        }

        _starts[FieldCount] = _valuesLength;
        _columns[FieldCount] = _column;
        var c = Peek();
        if (c == '"')
        {
            int quoteLine = _line, quoteColumn = _column;
            Next();
            while (true)
            {
                c = Next();
                if (c < 0)
                {
                    throw Error("unterminated quoted field: the quote opened here is never closed", quoteLine, quoteColumn);
                }

                if (c == '"')
                {
                    if (Peek() != '"')
                    {
                        break;
                    }

                    Next();
                }
                else if (c == '\r' && Peek() == '\n')
                {
                    // A CRLF inside a quoted field is one line break, kept as the file has it.
                    Append('\r');
                    c = Next();
                }

                Append((char)c);
            }
        }

        // An unquoted field, or what follows a closing quote (Python's csv keeps it, and so do we).
        while (true)
        {
            c = Peek();
            if (c < 0 || c is '\n' or '\r')
            {
                _lengths[FieldCount] = _valuesLength - _starts[FieldCount];
                FieldCount++;
                return true;
            }

            Next();
            if (c == _delimiter)
            {
                _lengths[FieldCount] = _valuesLength - _starts[FieldCount];
                FieldCount++;
                return false;
            }

            Append((char)c);
        }
    }

    private void Append(char c)
    {
        if (_valuesLength == _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
        }

        _values[_valuesLength++] = c;
    }

    private void ReadNewline()
    {
        if (Next() == '\r' && Peek() == '\n')
        {
            Next();
        }
    }

    private int Peek()
    {
        if (_bufferPosition == _bufferLength && !Fill())
        {
            return -1;
        }

        return _buffer[_bufferPosition];
    }

    private int Next()
    {
        if (_bufferPosition == _bufferLength && !Fill())
        {
            return -1;
        }

        var c = _buffer[_bufferPosition++];
        if (c == '\n' || (c == '\r' && Peek() != '\n'))
        {
            _line++;
            _column = 1;
        }
        else if (c != '\r')
        {
            _column++;
        }

        return c;
    }

    private bool Fill()
    {
        try
        {
            _bufferLength = _reader.Read(_buffer, 0, _buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw Error("the file is not UTF-8 text (save it as UTF-8, with or without a BOM)", _line, _column);
        }

        _bufferPosition = 0;
        return _bufferLength > 0;
    }
}
