using Npgsql;

namespace Cedule.TestSupport;

/// <summary>
/// The PostgreSQL server that <c>scripts/test.sh</c> starts for the tests. The script exports
/// its connection string as <c>CEDULE_TEST_POSTGRES</c>; a test run without the script (an IDE)
/// skips PostgreSQL tests, but when the script provided a server, an unreachable one is a
/// failure, never a skip.
/// </summary>
public static class TestPostgres
{
    /// <summary>Name of the environment variable holding the connection string.</summary>
    public const string Variable = "CEDULE_TEST_POSTGRES";

    /// <summary>The connection string, or a skip when no server was provided.</summary>
    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrWhiteSpace(value))
            {
                Xunit.Assert.Skip($"{Variable} is not set: run the tests through scripts/test.sh to get a PostgreSQL server.");
            }

            return value!;
        }
    }

    /// <summary>
    /// Creates a fresh, uniquely named database for one test or fixture and returns its
    /// connection string, so that no test depends on another's side effects.
    /// </summary>
    public static async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var admin = ConnectionString;
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }
}
