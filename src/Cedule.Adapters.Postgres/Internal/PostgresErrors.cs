using System.Globalization;
using System.Text;
using Cedule.Core.Execution.Adapters;
using Npgsql;

namespace Cedule.Adapters.Postgres.Internal;

/// <summary>PostgreSQL's errors as <see cref="DatabaseException"/>: its message, SQLSTATE, where in the statement, detail and hint.</summary>
internal static class PostgresErrors
{
    /// <summary>"relation "x" does not exist (SQLSTATE 42P01, line 2 column 15)" and its DETAIL and HINT lines.</summary>
    public static DatabaseException Wrap(NpgsqlException exception, string sql, IReadOnlyList<string> secrets)
    {
        string message;
        if (exception is PostgresException pg)
        {
            var builder = new StringBuilder(pg.MessageText).Append(" (SQLSTATE ").Append(pg.SqlState);
            var text = pg.BatchCommand?.CommandText ?? sql;
            if (pg.Position > 0 && pg.Position <= text.Length + 1)
            {
                var (line, column) = LineAndColumn(text, pg.Position);
                builder.Append(CultureInfo.InvariantCulture, $", line {line} column {column}");
            }

            builder.Append(')');
            if (!string.IsNullOrEmpty(pg.Detail))
            {
                builder.Append("\nDETAIL: ").Append(pg.Detail);
            }

            if (!string.IsNullOrEmpty(pg.Hint))
            {
                builder.Append("\nHINT: ").Append(pg.Hint);
            }

            message = builder.ToString();
        }
        else
        {
            message = Describe(exception);
        }

        return new DatabaseException(ProfileSettings.Mask(message, secrets), exception.IsTransient, exception);
    }

    /// <summary>An exception's message and those of its causes ("Failed to connect to 127.0.0.1:1: Connection refused").</summary>
    public static string Describe(Exception exception)
    {
        var builder = new StringBuilder(exception.Message);
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (!exception.Message.Contains(inner.Message, StringComparison.Ordinal))
            {
                builder.Append(": ").Append(inner.Message);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// PostgreSQL reports a 1-based character position in the statement; people read lines and
    /// columns (a CRLF counts as one line break).
    /// </summary>
    public static (int Line, int Column) LineAndColumn(string text, int position)
    {
        int line = 1, column = 1;
        for (var i = 0; i < position - 1 && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else if (text[i] != '\r')
            {
                column++;
            }
        }

        return (line, column);
    }
}
