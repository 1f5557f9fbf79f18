using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cedule.Server.Persistence;

/// <summary>
/// Sets <c>synchronous=NORMAL</c> on every SQLite connection the store opens (it is a
/// per-connection setting; WAL mode itself is stored in the file, see <see cref="StoreMigrator"/>).
/// In WAL mode, NORMAL survives a killed process (committed transactions are in the WAL) but a
/// power loss or OS crash can lose the last transactions before a checkpoint; PostgreSQL is the
/// store for full durability.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
