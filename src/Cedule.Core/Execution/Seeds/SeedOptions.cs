namespace Cedule.Core.Execution.Seeds;

/// <summary>How to read one seed file: its <c>delimiter</c> and <c>column_types</c> configs.</summary>
/// <param name="Delimiter">The field separator (dbt's <c>delimiter</c> config, a comma by default).</param>
/// <param name="ColumnTypes">
/// <c>column_types</c>: column name → SQL type. Such a column is not inferred: its values stay the
/// text of the file (so <c>00123</c> keeps its zeros) and the database converts them to the type.
/// </param>
/// <param name="DisplayPath">The path errors name (the file's path in its project), or null for the path read.</param>
public sealed record SeedOptions(char Delimiter = ',', IReadOnlyDictionary<string, string>? ColumnTypes = null, string? DisplayPath = null);
