using Cedule.Server.Domain;
using Cedule.Server.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Cedule.Server.Tests.Persistence;

public sealed class StoreTests
{
    [Fact]
    public async Task Start_SqliteStore_FileIsInWalMode()
    {
        await using var server = await ServerHost.StartAsync("sqlite", cancellationToken: TestContext.Current.CancellationToken);
        var file = Path.Combine(server.DataDirectory, "cedule.db");

        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Store_SqliteConnections_UseSynchronousNormal()
    {
        await using var server = await ServerHost.StartAsync("sqlite", cancellationToken: TestContext.Current.CancellationToken);

        var synchronous = await server.WithStoreAsync(async db =>
        {
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA synchronous;";
            return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        });

        Assert.Equal(1L, synchronous); // 1 = NORMAL (2 would be FULL)
    }

    [Theory]
    [MemberData(nameof(ServerHost.Stores), MemberType = typeof(ServerHost))]
    public async Task SaveChanges_StateChangeWithoutEvent_IsRefusedAndNothingIsWritten(string store)
    {
        await using var server = await ServerHost.StartAsync(store, cancellationToken: TestContext.Current.CancellationToken);

        var error = await server.WithStoreAsync(db =>
        {
            db.Organizations.Add(new Organization { Id = Guid.NewGuid(), Name = "CSS des Découvreurs", Slug = "decouvreurs" });
            return Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        });

        Assert.Contains("outbox event", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await server.WithStoreAsync(db => db.Organizations.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Theory]
    [MemberData(nameof(ServerHost.Stores), MemberType = typeof(ServerHost))]
    public async Task SaveChanges_StateChangeWithEvent_WritesBoth(string store)
    {
        await using var server = await ServerHost.StartAsync(store, cancellationToken: TestContext.Current.CancellationToken);
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero);

        await server.WithStoreAsync(db =>
        {
            db.Organizations.Add(new Organization { Id = id, Name = "CSS des Découvreurs", Slug = "decouvreurs", CreatedAt = at });
            db.AddEvent(EventTypes.OrganizationCreated, id, id, new { slug = "decouvreurs" }, at);
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var saved = await server.WithStoreAsync(db => db.Events.SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(EventTypes.OrganizationCreated, saved.Type);
        Assert.Equal(id, saved.SubjectId);
        Assert.Equal(at, saved.OccurredAt);
        Assert.Contains("decouvreurs", saved.Payload, StringComparison.Ordinal);
    }
}
