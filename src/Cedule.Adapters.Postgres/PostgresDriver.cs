using Cedule.Adapters.Postgres.Internal;
using Cedule.Core.Dialects;
using Cedule.Core.Execution.Adapters;
using Cedule.Core.Project;
using Npgsql;

namespace Cedule.Adapters.Postgres;

/// <summary>
/// The PostgreSQL driver (profile <c>type: postgres</c>), reading dbt-postgres's keys: <c>host</c>,
/// <c>port</c>, <c>user</c>, <c>password</c> (or <c>pass</c>), <c>dbname</c> (or <c>database</c>),
/// <c>schema</c>, <c>sslmode</c>, <c>connect_timeout</c>, <c>keepalives_idle</c>,
/// <c>search_path</c>, <c>role</c> and <c>application_name</c> (default <c>cedule</c>).
/// </summary>
/// <remarks>
/// Connections come from Npgsql's pool, so opening one per node costs a round trip only the first
/// time. A connection failure names the host, port, database and user, never the password.
/// <see cref="Open"/> checks its token before connecting; the attempt itself is bounded by
/// <c>connect_timeout</c> (Npgsql's synchronous open cannot be interrupted).
/// </remarks>
public sealed class PostgresDriver : IAdapterDriver
{
    /// <inheritdoc />
    public string Type => "postgres";

    /// <inheritdoc />
    public IDatabaseConnection Open(ResolvedProfile profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        cancellationToken.ThrowIfCancellationRequested();
        var settings = PostgresSettings.From(profile);
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            connection.Open();
            if (settings.Role is { } role)
            {
                using var command = new NpgsqlCommand($"SET ROLE {Dialect.Postgres.Quote(role)}", connection);
                command.ExecuteNonQuery();
            }

            return new PostgresConnection(connection, profile.SecretValues);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or ArgumentException or InvalidOperationException)
        {
            connection.Dispose();
            var transient = e is NpgsqlException { IsTransient: true };
            var message = $"could not connect to PostgreSQL ({settings.Description}): {PostgresErrors.Describe(e)}";
            throw new DatabaseException(ProfileSettings.Mask(message, profile.SecretValues), transient, e);
        }
    }
}
