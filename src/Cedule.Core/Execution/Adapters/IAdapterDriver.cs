using Cedule.Core.Project;

namespace Cedule.Core.Execution.Adapters;

/// <summary>
/// A database driver: the only code that links a client library (DuckDB.NET, Npgsql…). Lives in
/// its own <c>Cedule.Adapters.&lt;Name&gt;</c> project; Cedule.Core and the control plane know only
/// this interface, so the server never loads a driver.
/// </summary>
public interface IAdapterDriver
{
    /// <summary>The profile <c>type:</c> this driver serves (<c>duckdb</c>, <c>postgres</c>).</summary>
    string Type { get; }

    /// <summary>
    /// Opens one connection for the target. Each execution thread opens its own; the driver makes
    /// every connection of one target see the same database (a shared in-memory DuckDB included).
    /// </summary>
    /// <exception cref="DatabaseException">The database cannot be reached; the message says why, without secrets.</exception>
    IDatabaseConnection Open(ResolvedProfile profile, CancellationToken cancellationToken = default);
}
