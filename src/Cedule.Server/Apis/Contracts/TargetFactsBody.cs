namespace Cedule.Server.Apis.Contracts;

/// <summary>The non-secret facts of the profile target an environment deploys to.</summary>
/// <param name="AdapterType"><c>duckdb</c>, <c>postgres</c>, <c>sqlserver</c> or <c>fabric</c>.</param>
/// <param name="TargetName">The profile target's name (<c>prod</c>).</param>
/// <param name="Database">Default database, if any.</param>
/// <param name="Schema">Default schema.</param>
/// <param name="Threads">Parallelism (1 or more).</param>
public sealed record TargetFactsBody(string? AdapterType, string? TargetName, string? Database, string? Schema, int? Threads);
