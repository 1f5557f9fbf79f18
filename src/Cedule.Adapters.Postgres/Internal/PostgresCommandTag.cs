using System.Globalization;
using Npgsql;

namespace Cedule.Adapters.Postgres.Internal;

/// <summary>
/// PostgreSQL's command tag (<c>INSERT 0 5</c>, <c>CREATE VIEW</c>), which dbt shows as a
/// statement's status. Npgsql keeps the statement type and row count but not the tag text, so
/// the tag of a statement Npgsql classifies as "other" (DDL, SET, GRANT…) is rebuilt from its first
/// keywords, the way the server names it.
/// </summary>
internal static class PostgresCommandTag
{
    private static readonly HashSet<string> CreateModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "OR", "REPLACE", "TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL", "LOCAL", "UNIQUE", "RECURSIVE", "TRUSTED", "PROCEDURAL", "IF", "NOT", "EXISTS", "CONCURRENTLY",
    };

    public static (string Message, long Rows, string? Code) From(NpgsqlBatchCommand statement)
    {
        var rows = (long)statement.Rows;
        return statement.StatementType switch
        {
            StatementType.Select or StatementType.CreateTableAs => (Tag("SELECT", rows), rows, "SELECT"),
            StatementType.Insert => (string.Create(CultureInfo.InvariantCulture, $"INSERT 0 {rows}"), rows, "INSERT"),
            StatementType.Update => (Tag("UPDATE", rows), rows, "UPDATE"),
            StatementType.Delete => (Tag("DELETE", rows), rows, "DELETE"),
            StatementType.Merge => (Tag("MERGE", rows), rows, "MERGE"),
            StatementType.Copy => (Tag("COPY", rows), rows, "COPY"),
            StatementType.Move => (Tag("MOVE", rows), rows, "MOVE"),
            StatementType.Fetch => (Tag("FETCH", rows), rows, "FETCH"),
            StatementType.Call => ("CALL", -1, "CALL"),
            _ => FromText(statement.CommandText),
        };
    }

    private static string Tag(string verb, long rows) => string.Create(CultureInfo.InvariantCulture, $"{verb} {rows}");

    private static (string, long, string?) FromText(string sql)
    {
        var words = Words(sql).Take(8).ToList();
        if (words.Count == 0)
        {
            return ("OK", -1, null);
        }

        var verb = words[0];
        string tag;
        switch (verb)
        {
            case "CREATE" or "DROP" or "ALTER":
                var rest = words.Skip(1).SkipWhile(CreateModifiers.Contains).ToList();
                tag = rest.Count == 0 ? verb
                    : rest[0] is "MATERIALIZED" or "FOREIGN" or "EVENT" && rest.Count > 1 ? $"{verb} {rest[0]} {rest[1]}"
                    : $"{verb} {rest[0]}";
                break;
            case "TRUNCATE":
                tag = "TRUNCATE TABLE";
                break;
            case "LOCK":
                tag = "LOCK TABLE";
                break;
            case "START":
                tag = "START TRANSACTION";
                break;
            case "END":
                tag = "COMMIT";
                break;
            default:
                tag = verb;
                break;
        }

        return (tag, -1, verb);
    }

    /// <summary>The leading words of a statement, upper case, comments skipped.</summary>
    private static IEnumerable<string> Words(string sql)
    {
        var i = 0;
        while (i < sql.Length)
        {
            if (char.IsWhiteSpace(sql[i]) || sql[i] == '(' || sql[i] == ';')
            {
                i++;
            }
            else if (sql[i] == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                while (i < sql.Length && sql[i] != '\n')
                {
                    i++;
                }
            }
            else if (sql[i] == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
            }
            else if (char.IsLetter(sql[i]))
            {
                var start = i;
                while (i < sql.Length && (char.IsLetter(sql[i]) || sql[i] == '_'))
                {
                    i++;
                }

                yield return sql[start..i].ToUpperInvariant();
            }
            else
            {
                yield break;
            }
        }
    }
}
