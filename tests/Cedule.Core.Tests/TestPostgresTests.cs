using Cedule.TestSupport;
using Npgsql;

namespace Cedule.Core.Tests;

public sealed class TestPostgresTests
{
    [Fact]
    public async Task CreateDatabase_ServerFromTestScript_ReturnsAnIsolatedWorkingDatabase()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await TestPostgres.CreateDatabaseAsync("smoke", ct);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("select current_database(), 6 * 7", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        Assert.True(await reader.ReadAsync(ct));
        Assert.StartsWith("smoke_", reader.GetString(0), StringComparison.Ordinal);
        Assert.Equal(42, reader.GetInt32(1));
    }
}
