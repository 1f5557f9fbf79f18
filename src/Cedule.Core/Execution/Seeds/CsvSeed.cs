using Cedule.Core.Execution.Seeds.Internal;

namespace Cedule.Core.Execution.Seeds;

/// <summary>
/// Reads a seed CSV the way dbt does (agate): a header row, then rows whose types are inferred per
/// column: boolean (<c>true</c>/<c>false</c>, any case), integer, decimal, date
/// (<c>YYYY-MM-DD</c>), timestamp (<c>YYYY-MM-DD HH:MM:SS</c> or ISO 8601 with a <c>T</c>), else
/// text; a column whose values disagree is text, and so is a column with no value. An empty field is
/// null. Numbers are read with the invariant culture (a <c>,</c> is a thousands separator, never a
/// decimal point), whatever the machine's culture.
/// </summary>
/// <remarks>
/// Two passes: <see cref="Read"/> checks the whole file and infers the types without keeping a row
/// (memory stays flat for a million rows); <see cref="SeedData.Rows"/> reads it again and converts.
/// </remarks>
public static class CsvSeed
{
    /// <summary>Checks and types a seed file.</summary>
    /// <exception cref="Diagnostics.ProjectException">The file is not UTF-8 CSV (an unterminated quote, a row with more or fewer fields than the header, an empty header), with its line and column.</exception>
    public static SeedData Read(string path, SeedOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var (columns, rowCount) = CsvSeedReader.Infer(path, options, cancellationToken);
        return new SeedData(path, options, columns, rowCount, cancellationToken);
    }
}
