using Cedule.Core.Execution.Adapters;
using Cedule.Core.Execution.Seeds.Internal;

namespace Cedule.Core.Execution.Seeds;

/// <summary>A column of a seed, as its table gets it.</summary>
/// <param name="Name">The header's name.</param>
/// <param name="Kind">The inferred family of its values (<see cref="ValueKind.Text"/> when overridden).</param>
/// <param name="TypeOverride">The SQL type from <c>column_types</c>, or null to use the dialect's type for <paramref name="Kind"/>.</param>
public sealed record SeedColumn(string Name, ValueKind Kind, string? TypeOverride = null)
{
    /// <summary>The column as <see cref="IDatabaseConnection.BulkLoad"/> takes it.</summary>
    public ColumnInfo ToColumnInfo(string dataType) => new(Name, dataType, Kind);
}

/// <summary>
/// A seed file, checked and typed by a first pass over it. <see cref="Rows"/> reads the file again
/// on each enumeration, so a million-row seed never sits in memory: a bulk load pulls its rows
/// one at a time.
/// </summary>
public sealed class SeedData
{
    private readonly string _path;
    private readonly SeedOptions _options;
    private readonly CancellationToken _cancellationToken;

    internal SeedData(string path, SeedOptions options, IReadOnlyList<SeedColumn> columns, long rowCount, CancellationToken cancellationToken)
    {
        _path = path;
        _options = options;
        Columns = columns;
        RowCount = rowCount;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The columns, in file order.</summary>
    public IReadOnlyList<SeedColumn> Columns { get; }

    /// <summary>How many data rows the file has (the header excluded).</summary>
    public long RowCount { get; }

    /// <summary>
    /// The rows, read from the file again: values are <see cref="string"/>, <see cref="long"/>,
    /// <see cref="decimal"/>, <see cref="bool"/>, <see cref="DateOnly"/>, <see cref="DateTime"/> or
    /// null (an empty field). Each array is new, so a consumer may keep it.
    /// </summary>
    /// <exception cref="Diagnostics.ProjectException">The file changed since it was read and no longer parses.</exception>
    public IEnumerable<object?[]> Rows => CsvSeedReader.ReadRows(_path, _options, Columns, _cancellationToken);
}
