using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cedule.Server.Persistence;

/// <summary>
/// Applies the provider's migrations on start. On PostgreSQL, EF Core takes a database lock
/// while migrating, so replicas starting together apply each migration once.
/// </summary>
public static class StoreMigrator
{
    /// <summary>Brings the store to the current schema; on SQLite also switches the file to WAL mode (a setting stored in the file).</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CeduleDbContext>();
        // EF Core logs each migration it applies (Microsoft.EntityFrameworkCore.Migrations).
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (db is SqliteCeduleDbContext)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }
}
