using Cedule.Core.Context;

namespace Cedule.Server.Domain;

/// <summary>The target facts an environment parses with (stored with the environment).</summary>
public sealed class TargetSettings
{
    /// <summary>Adapter type (<c>duckdb</c>, <c>postgres</c>, <c>sqlserver</c>, <c>fabric</c>).</summary>
    public required string AdapterType { get; set; }

    /// <summary>Profile target name (<c>prod</c>).</summary>
    public required string TargetName { get; set; }

    /// <summary>Default database, if the adapter has one.</summary>
    public string? Database { get; set; }

    /// <summary>Default schema.</summary>
    public required string Schema { get; set; }

    /// <summary>Parallelism the agent uses.</summary>
    public int Threads { get; set; } = 1;

    /// <summary>The engine's view of these facts.</summary>
    public TargetFacts ToFacts() => new(TargetName, AdapterType, Database, Schema, Threads);
}
