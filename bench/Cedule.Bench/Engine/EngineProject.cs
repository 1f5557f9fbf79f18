using System.Globalization;
using System.Text;

namespace Cedule.Bench.Engine;

/// <summary>
/// Writes the engine benchmark's project: N trivial views (<c>select 1 as id</c>, and views that
/// read one or two earlier views through <c>ref</c>) and a profiles.yml for an in-memory DuckDB.
/// Trivial on purpose: the database does almost nothing, so what is left is the engine's cost.
/// </summary>
internal static class EngineProject
{
    public const string Name = "engine_bench";

    public static string Write(int views)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"cedule-bench-engine-{views}");
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(dir, "models"));
        File.WriteAllText(Path.Combine(dir, "dbt_project.yml"), $"""
            name: {Name}
            version: "1.0.0"
            config-version: 2
            profile: {Name}
            models:
              {Name}:
                +materialized: view
            """);
        File.WriteAllText(Path.Combine(dir, "profiles.yml"), $"""
            {Name}:
              target: dev
              outputs:
                dev:
                  type: duckdb
                  path: ":memory:"
                  schema: main
                  threads: 1
            """);
        for (var i = 0; i < views; i++)
        {
            var sql = new StringBuilder();
            if (i < 10)
            {
                sql.Append("select 1 as id");
            }
            else if (i % 3 == 0)
            {
                sql.Append(CultureInfo.InvariantCulture, $"select id from {{{{ ref('{ViewName(i - 10)}') }}}}\nunion all\nselect id from {{{{ ref('{ViewName(i / 2)}') }}}}");
            }
            else
            {
                sql.Append(CultureInfo.InvariantCulture, $"select id + 1 as id from {{{{ ref('{ViewName(i - 10)}') }}}}");
            }

            File.WriteAllText(Path.Combine(dir, "models", ViewName(i) + ".sql"), sql.Append('\n').ToString());
        }

        return dir;
    }

    private static string ViewName(int i) => string.Create(CultureInfo.InvariantCulture, $"v{i:D4}");
}
