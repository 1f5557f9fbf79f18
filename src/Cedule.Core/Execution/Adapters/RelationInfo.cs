namespace Cedule.Core.Execution.Adapters;

/// <summary>A relation that exists in the database.</summary>
/// <param name="Database">Its database (catalog), or null when the dialect has none.</param>
/// <param name="Schema">Its schema.</param>
/// <param name="Identifier">Its name.</param>
/// <param name="Type"><c>table</c> or <c>view</c> (dbt's relation types).</param>
public sealed record RelationInfo(string? Database, string Schema, string Identifier, string Type = "table");
