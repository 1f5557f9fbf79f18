using System.Globalization;
using System.Text.RegularExpressions;
using Cedule.Core.Execution.Adapters;
using Cedule.Core.Project;
using Cedule.Jinja.Values;
using DuckDB.NET.Data;

namespace Cedule.Adapters.DuckDb.Internal;

/// <summary>dbt-duckdb's profile keys, read once per connection.</summary>
internal sealed partial class DuckDbSettings
{
    private DuckDbSettings(string? path, string schema, IReadOnlyList<string> extensions, IReadOnlyList<KeyValuePair<string, object?>> set)
    {
        Path = path;
        Schema = schema;
        Extensions = extensions;
        Settings = set;
    }

    /// <summary>The database file (absolute), or null for an in-memory database.</summary>
    public string? Path { get; }

    public bool InMemory => Path is null;

    /// <summary>The target schema, created when missing.</summary>
    public string Schema { get; }

    /// <summary>Extensions to load (already installed or bundled: Cedule never downloads one).</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>DuckDB settings applied with <c>SET</c> on every connection.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Settings { get; }

    public string ConnectionString => new DuckDBConnectionStringBuilder { DataSource = Path ?? ":memory:" }.ConnectionString;

    /// <summary>How errors name the database.</summary>
    public string Description => Path is null ? "in memory" : $"'{Path}'";

    public static DuckDbSettings From(ResolvedProfile profile)
    {
        var settings = profile.Settings;
        var path = ProfileSettings.GetString(settings, "path");
        if (string.IsNullOrEmpty(path) || path == ":memory:")
        {
            path = null;
        }
        else
        {
            path = System.IO.Path.GetFullPath(path);
        }

        var extensions = new List<string>();
        foreach (var item in ProfileSettings.GetList(settings, "extensions"))
        {
            // dbt-duckdb also accepts {name: x, repo: y}; the repository does not matter offline.
            var name = item switch
            {
                string s => s,
                PyDict d when ProfileSettings.GetString(d, "name") is { } n => n,
                _ => throw new DatabaseException($"profile key 'extensions' must list extension names, not {PyOps.Repr(item)}"),
            };
            extensions.Add(RequireName(name, "extension"));
        }

        var set = new List<KeyValuePair<string, object?>>();
        if (ProfileSettings.GetMapping(settings, "settings") is { } mapping)
        {
            foreach (var (key, value) in mapping)
            {
                set.Add(new(RequireName(PyOps.ToStr(key), "setting"), value));
            }
        }

        return new DuckDbSettings(path, ProfileSettings.GetString(settings, "schema") ?? "main", extensions, set);
    }

    /// <summary>A value as a DuckDB literal for <c>SET</c>.</summary>
    public static string Literal(object? value) => value switch
    {
        null => "NULL",
        bool b => b ? "true" : "false",
        long or double or decimal => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => "'" + PyOps.ToStr(value).Replace("'", "''", StringComparison.Ordinal) + "'",
    };

    private static string RequireName(string name, string what) =>
        Name().IsMatch(name) ? name : throw new DatabaseException($"DuckDB {what} name '{name}' is not a plain name (letters, digits, underscores)");

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Name();
}
