namespace Cedule.Core.Execution.Adapters;

/// <summary>
/// Rows a query returned, held in memory (only compile-time queries and <c>cedule show</c> fetch
/// rows; a model's data never passes through the engine). Values are normalized by the driver to
/// <see cref="string"/>, <see cref="long"/>, <see cref="decimal"/>, <see cref="double"/>,
/// <see cref="bool"/>, <see cref="DateOnly"/>, <see cref="DateTime"/> or null.
/// </summary>
/// <param name="Columns">Column names and types, in order.</param>
/// <param name="Rows">Each row's values, in column order.</param>
public sealed record ResultTable(IReadOnlyList<ColumnInfo> Columns, IReadOnlyList<object?[]> Rows);
