using Cedule.Core.Context;
using Cedule.Core.Project;
using Cedule.Jinja.Values;
using Cedule.TestSupport;
using Npgsql;

namespace Cedule.Adapters.Postgres.Tests;

/// <summary>A fresh database per test class, and postgres targets pointing at it.</summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private NpgsqlConnectionStringBuilder? _builder;

    public NpgsqlConnectionStringBuilder Builder => _builder ?? throw new InvalidOperationException("not initialized");

    public async ValueTask InitializeAsync() =>
        _builder = new NpgsqlConnectionStringBuilder(await TestPostgres.CreateDatabaseAsync("adapters_pg", TestContext.Current.CancellationToken));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>A target for the test database; <paramref name="change"/> edits its settings.</summary>
    public ResolvedProfile Profile(Action<PyDict>? change = null)
    {
        var settings = new PyDict
        {
            ["type"] = "postgres", ["host"] = Builder.Host, ["port"] = (long)Builder.Port, ["user"] = Builder.Username,
            ["password"] = Builder.Password, ["dbname"] = Builder.Database, ["schema"] = "public",
        };
        change?.Invoke(settings);
        var password = settings.TryGetValue("password", out var p) && p is string s ? s : Builder.Password!;
        return new ResolvedProfile(new TargetFacts("dev", "postgres", Builder.Database, "public", 1, "test"), settings, [password], "profiles.yml");
    }
}
