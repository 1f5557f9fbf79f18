using Cedule.Core.Execution.Adapters;
using Cedule.Engine.Tests;
using Cedule.TestSupport;
using Npgsql;

namespace Cedule.Adapters.Postgres.Tests.Engine;

/// <summary>
/// One database and one login for the whole class: its password is the scenarios' canary, so
/// every test would show a leak of it.
/// </summary>
public sealed class PostgresEngineDatabase : IAsyncLifetime
{
    private NpgsqlConnectionStringBuilder? _builder;

    public NpgsqlConnectionStringBuilder Builder => _builder ?? new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString);

    public async ValueTask InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestPostgres.Variable)))
        {
            return;
        }

        var role = $"engine_{Guid.NewGuid():N}"[..20];
        await using (var admin = new NpgsqlConnection(TestPostgres.ConnectionString))
        {
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand($"create role {role} login password '{EngineScenarioTests.CanaryValue}'", admin);
            await command.ExecuteNonQueryAsync();
        }

        var database = new NpgsqlConnectionStringBuilder(await TestPostgres.CreateDatabaseAsync("engine")).Database!;
        await using (var admin = new NpgsqlConnection(TestPostgres.ConnectionString))
        {
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand($"alter database \"{database}\" owner to {role}", admin);
            await command.ExecuteNonQueryAsync();
        }

        _builder = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { Database = database, Username = role, Password = EngineScenarioTests.CanaryValue };
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>The engine scenarios on PostgreSQL, each test in a schema of its own.</summary>
public sealed class PostgresEngineTests(PostgresEngineDatabase database) : EngineScenarioTests, IClassFixture<PostgresEngineDatabase>
{
    private readonly NpgsqlConnectionStringBuilder _server = database.Builder;

    protected override string AdapterType => "postgres";

    protected override IAdapterDriver Driver { get; } = new PostgresDriver();

    protected override string SlowQuery => "select 1 as v from pg_sleep(30)";

    protected override IEnumerable<string> TargetSettings(string schema) => Settings(schema, _server.Port);

    protected override (IEnumerable<string> Settings, string[] Named) BrokenTarget(string schema) =>
        (Settings(schema, 9), [$"host {_server.Host}", "port 9"]);

    private IEnumerable<string> Settings(string schema, int port) =>
        ["type: postgres", $"host: {_server.Host}", $"port: {port}", $"user: {_server.Username}", "password: \"{{ env_var('DBT_ENV_SECRET_PW') }}\"",
            $"dbname: {_server.Database}", $"schema: {schema}", "threads: 2"];

    /// <summary>
    /// As in dbt-postgres: the old table is renamed to t__dbt_backup and dropped with CASCADE, which
    /// drops the views that were bound to it; they come back when they are run again.
    /// </summary>
    [Fact]
    public async Task Table_RebuiltAlone_DependentViewIsDroppedByTheBackupCascadeAsInDbtPostgres()
    {
        var (relations, _) = await RebuildTableUnderAView();

        Assert.Equal(["t"], relations);
        await BuildOk(select: "v", which: "run");
        Assert.Equal(["2"], Rows($"select n from {Schema}.v"));
    }

    /// <summary>Two agents (two sessions, two relation caches) attempt the first build of one table at once.</summary>
    [Fact]
    public async Task ConcurrentAttempts_FromTwoSessionsOnAFirstBuild_WaitOnTheAdvisoryLockAndBothSucceed()
    {
        Write("models/t.sql", "{{ config(materialized='table') }}\nselect 1 as id from pg_sleep(0.3)");
        Write("models/other.sql", "select 1 as id");
        await BuildOk(select: "other", which: "run");
        var sessions = new[] { Session(which: "run"), Session(which: "run") };

        var results = await Task.WhenAll(sessions.Select(session => Task.Run(() =>
        {
            using var connection = session.OpenConnection(TestContext.Current.CancellationToken);
            return session.Execute(Model("t"), connection, cancellationToken: TestContext.Current.CancellationToken);
        }, TestContext.Current.CancellationToken))).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.True(r.Status == Core.Execution.NodeStatus.Success, r.Message));
        Assert.Equal(["other", "t"], Relations());
    }

    [Fact]
    public async Task ConnectionFailure_WrongPassword_ErrorNamesTheUserAndServerNeverThePassword()
    {
        Write("models/m.sql", "select 1 as id");
        SetEnvironment("DBT_ENV_SECRET_PW", Canary + "_wrong");
        var profile = Profile();
        var parse = new Core.Parsing.ProjectParser(new Core.Parsing.ParseOptions { Target = profile.Facts, Environment = Env }).Parse(Dir, TestContext.Current.CancellationToken);
        var session = new Core.Execution.ExecutionSession(parse, profile, Driver, new Core.Execution.RunOptions { Which = "run" });

        var outcome = await Build(which: "run", session: session);

        var message = Result(outcome, Model("m")).Message!;
        Assert.Contains($"host {_server.Host}, port {_server.Port}", message, StringComparison.Ordinal);
        Assert.Contains($"user {_server.Username}", message, StringComparison.Ordinal);
        Assert.Contains("password", message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Canary, message, StringComparison.Ordinal);
    }
}
