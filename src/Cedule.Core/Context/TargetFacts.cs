using Cedule.Jinja.Values;

namespace Cedule.Core.Context;

/// <summary>
/// The non-secret facts of a profile target that parsing depends on: the control plane parses
/// with these alone (no profile, no connection), and an agent checks that its own profile agrees.
/// </summary>
/// <param name="Name">Target name (<c>dev</c>, <c>prod</c>).</param>
/// <param name="Type">Adapter type (<c>duckdb</c>, <c>postgres</c>, <c>sqlserver</c>, <c>fabric</c>).</param>
/// <param name="Database">Default database.</param>
/// <param name="Schema">Default schema.</param>
/// <param name="Threads">Parallelism.</param>
/// <param name="ProfileName">The profile's name.</param>
public sealed record TargetFacts(string Name, string Type, string? Database, string Schema, int Threads = 1, string? ProfileName = null)
{
    /// <summary>The adapter's dispatch chain, most specific first (SQL Server falls back to Fabric).</summary>
    public IReadOnlyList<string> AdapterChain => Type switch
    {
        "sqlserver" => ["sqlserver", "fabric"],
        _ => [Type],
    };

    /// <summary>dbt's <c>target</c> variable for these facts (no secret is ever in it).</summary>
    /// <param name="profileName">The profile's name when <see cref="ProfileName"/> is not set.</param>
    public PyDict ToTargetDict(string? profileName = null) => new()
    {
        ["name"] = Name,
        ["target_name"] = Name,
        ["type"] = Type,
        ["schema"] = Schema,
        ["database"] = Database,
        ["dbname"] = Database,
        ["threads"] = (long)Threads,
        ["profile_name"] = ProfileName ?? profileName,
    };
}
