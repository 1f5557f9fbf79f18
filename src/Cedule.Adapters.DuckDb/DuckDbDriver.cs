using Cedule.Adapters.DuckDb.Internal;
using Cedule.Core.Execution.Adapters;
using Cedule.Core.Project;
using DuckDB.NET.Data;

namespace Cedule.Adapters.DuckDb;

/// <summary>
/// The DuckDB driver (profile <c>type: duckdb</c>), reading dbt-duckdb's keys: <c>path</c> (a file,
/// relative to the current directory; <c>:memory:</c> or missing for an in-memory database),
/// <c>extensions</c>, <c>settings</c> and <c>schema</c>.
/// </summary>
/// <remarks>
/// An in-memory database lives as long as the driver: the driver keeps one connection to it per
/// target (profiles.yml path, profile and target name) and opens every other as a duplicate of
/// that one, so every thread of a run sees the tables the others created, as dbt-duckdb's single
/// shared instance does. A file database is shared by DuckDB.NET itself while any connection to
/// it is open. Dispose the driver to release in-memory databases. Cancelling a statement uses
/// DuckDB's interrupt; a bulk load outside a transaction runs in its own, so a cancelled or failed
/// load leaves nothing behind.
/// </remarks>
public sealed class DuckDbDriver : IAdapterDriver, IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DuckDBConnection> _memoryRoots = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <inheritdoc />
    public string Type => "duckdb";

    /// <inheritdoc />
    public IDatabaseConnection Open(ResolvedProfile profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        cancellationToken.ThrowIfCancellationRequested();
        var settings = DuckDbSettings.From(profile);
        DuckDBConnection? connection = null;
        try
        {
            connection = settings.InMemory ? DuplicateRoot(settings, profile) : new DuckDBConnection(settings.ConnectionString);
            connection.Open();
            var opened = new DuckDbConnection(connection, profile.SecretValues);
            opened.Prepare(settings, cancellationToken);
            return opened;
        }
        catch (DuckDBException e)
        {
            connection?.Dispose();
            throw new DatabaseException(ProfileSettings.Mask($"could not open DuckDB database {settings.Description}: {e.Message}", profile.SecretValues), false, e);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    /// <summary>Closes the in-memory databases this driver kept alive.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            foreach (var root in _memoryRoots.Values)
            {
                root.Dispose();
            }

            _memoryRoots.Clear();
        }
    }

    private DuckDBConnection DuplicateRoot(DuckDbSettings settings, ResolvedProfile profile)
    {
        var key = $"{profile.Path}\n{profile.Facts.ProfileName}\n{profile.Facts.Name}";
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_memoryRoots.TryGetValue(key, out var root))
            {
                root = new DuckDBConnection(settings.ConnectionString);
                root.Open();
                _memoryRoots[key] = root;
            }

            return root.Duplicate();
        }
    }
}
