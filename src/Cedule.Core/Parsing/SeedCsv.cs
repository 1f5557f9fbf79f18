using Cedule.Core.Diagnostics;

namespace Cedule.Core.Parsing;

/// <summary>A seed's CSV content: its header and, when asked for, its rows (<c>null</c> for a short row's missing fields).</summary>
/// <param name="Columns">The header's column names.</param>
/// <param name="Rows">The data rows, each as wide as the header; empty when the rows were only checked.</param>
/// <param name="RowCount">How many data rows the file has.</param>
public sealed record SeedTable(IReadOnlyList<string> Columns, IReadOnlyList<string?[]> Rows, int RowCount);

/// <summary>
/// Reads a seed's CSV as dbt does (Python's csv module under agate): one delimiter character
/// (the seed's <c>delimiter</c> config, <c>,</c> by default), fields quoted with <c>"</c> where
/// <c>""</c> is a quote and line breaks may appear, CRLF or LF line ends, a UTF-8 byte order mark
/// ignored, blank lines skipped. A row with more fields than the header is an error (agate
/// refuses it); a shorter row is padded with nulls (agate does) but reported as a warning, since
/// it is most often a lost delimiter. Errors carry the line and column where the problem is.
/// </summary>
public static class SeedCsv
{
    /// <summary>Reads <paramref name="text"/>; throws <see cref="ProjectException"/> for a malformed file. Warnings go to <paramref name="warn"/>.</summary>
    public static SeedTable Read(string text, char delimiter, string path, bool keepRows = true, Action<Diagnostic>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new Reader(text, delimiter, path);
        string[]? header = null;
        var rows = new List<string?[]>();
        var count = 0;
        while (reader.NextRecord() is { } record)
        {
            if (header is null)
            {
                header = [.. record.Fields];
                continue;
            }

            count++;
            if (record.Fields.Count > header.Length)
            {
                throw new ProjectException(Diagnostic.Error(DiagnosticCodes.SeedFormat,
                    $"row {count} has {record.Fields.Count} values but the header has {header.Length} columns (a delimiter inside an unquoted value?)",
                    new SourceLocation(path, record.Line, record.FieldColumns[header.Length])));
            }

            if (record.Fields.Count < header.Length)
            {
                warn?.Invoke(Diagnostic.Warning(DiagnosticCodes.SeedFormat,
                    $"row {count} has {record.Fields.Count} values but the header has {header.Length} columns: the missing ones are loaded as null",
                    new SourceLocation(path, record.Line, 0)));
            }

            if (keepRows)
            {
                var row = new string?[header.Length];
                for (var i = 0; i < record.Fields.Count; i++)
                {
                    row[i] = record.Fields[i];
                }

                rows.Add(row);
            }
        }

        return header is null
            ? throw new ProjectException(Diagnostic.Error(DiagnosticCodes.SeedFormat, "the seed file is empty: it needs at least a header line", SourceLocation.InFile(path)))
            : new SeedTable(header, rows, count);
    }

    private sealed class Reader(string text, char delimiter, string path)
    {
        private int _position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        private int _line = 1;
        private int _lineStart = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;

        public (List<string> Fields, List<int> FieldColumns, int Line)? NextRecord()
        {
            // Blank lines separate nothing: skip them, as Python's csv module yields no row for them.
            while (_position < text.Length && text[_position] is '\r' or '\n')
            {
                SkipLineEnd();
            }

            if (_position >= text.Length)
            {
                return null;
            }

            var fields = new List<string>();
            var columns = new List<int>();
            var line = _line;
            var field = new System.Text.StringBuilder();
            while (true)
            {
                columns.Add(_position - _lineStart + 1);
                field.Clear();
                if (_position < text.Length && text[_position] == '"')
                {
                    ReadQuoted(field);
                }

                while (_position < text.Length && text[_position] != delimiter && text[_position] is not ('\r' or '\n'))
                {
                    field.Append(text[_position++]);
                }

                fields.Add(field.ToString());
                if (_position < text.Length && text[_position] == delimiter)
                {
                    _position++;
                    continue;
                }

                SkipLineEnd();
                return (fields, columns, line);
            }
        }

        private void ReadQuoted(System.Text.StringBuilder field)
        {
            var (openLine, openColumn) = (_line, _position - _lineStart + 1);
            _position++;
            while (true)
            {
                if (_position >= text.Length)
                {
                    throw new ProjectException(Diagnostic.Error(DiagnosticCodes.SeedFormat,
                        "a quoted value is never closed: add the closing \" (a quote inside a value is written \"\")",
                        new SourceLocation(path, openLine, openColumn)));
                }

                var c = text[_position];
                if (c == '"')
                {
                    if (_position + 1 < text.Length && text[_position + 1] == '"')
                    {
                        field.Append('"');
                        _position += 2;
                        continue;
                    }

                    _position++;
                    return;
                }

                if (c is '\r' or '\n')
                {
                    var end = _position;
                    SkipLineEnd();
                    field.Append(text, end, _position - end);
                    continue;
                }

                field.Append(c);
                _position++;
            }
        }

        private void SkipLineEnd()
        {
            if (_position < text.Length && text[_position] == '\r')
            {
                _position++;
            }

            if (_position < text.Length && text[_position] == '\n')
            {
                _position++;
            }

            _line++;
            _lineStart = _position;
        }
    }
}
