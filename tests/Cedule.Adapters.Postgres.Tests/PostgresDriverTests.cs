using Cedule.Core.Execution.Adapters;

namespace Cedule.Adapters.Postgres.Tests;

public sealed class PostgresDriverTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string Canary = "Canary-S3cret-Pa55word";
    private readonly PostgresDriver _driver = new();

    [Fact]
    public void Open_ProfileKeys_ApplyToTheSession()
    {
        var profile = database.Profile(s =>
        {
            s["application_name"] = "cedule-test";
            s["search_path"] = "pg_catalog, public";
            s["connect_timeout"] = 5L;
            s["keepalives_idle"] = 30L;
            s["sslmode"] = "disable";
        });

        using var connection = _driver.Open(profile, TestContext.Current.CancellationToken);

        var row = connection.Execute("select current_setting('application_name'), current_setting('search_path'), current_database()", fetch: true, TestContext.Current.CancellationToken).Table!.Rows[0];
        Assert.Equal(["cedule-test", "pg_catalog, public", database.Builder.Database], row);
    }

    [Fact]
    public void Open_DefaultApplicationNameAndRole_AreSet()
    {
        using (var admin = _driver.Open(database.Profile(), TestContext.Current.CancellationToken))
        {
            admin.Execute("do $$ begin if not exists (select from pg_roles where rolname = 'Cedule Reader') then create role \"Cedule Reader\"; end if; end $$", fetch: false, TestContext.Current.CancellationToken);
        }

        using var connection = _driver.Open(database.Profile(s => { s["role"] = "Cedule Reader"; s["pass"] = s["password"]; s.Remove("password", out _); }), TestContext.Current.CancellationToken);

        var row = connection.Execute("select current_setting('application_name'), current_user", fetch: true, TestContext.Current.CancellationToken).Table!.Rows[0];
        Assert.Equal(["cedule", "Cedule Reader"], row);
    }

    [Fact]
    public void Open_WrongPassword_NamesTheTargetButNotThePassword()
    {
        var error = Assert.Throws<DatabaseException>(() => _driver.Open(database.Profile(s => s["password"] = Canary), TestContext.Current.CancellationToken));

        Assert.Contains($"host {database.Builder.Host}, port {database.Builder.Port}, database {database.Builder.Database}, user {database.Builder.Username}", error.Message, StringComparison.Ordinal);
        Assert.Contains("28P01", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_UnreachablePort_NamesTheTargetButNotThePassword()
    {
        var error = Assert.Throws<DatabaseException>(() => _driver.Open(database.Profile(s => { s["port"] = 1L; s["password"] = Canary; s["connect_timeout"] = 2L; }), TestContext.Current.CancellationToken));

        Assert.Contains("port 1,", error.Message, StringComparison.Ordinal);
        Assert.Contains("Failed to connect", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_UnknownSslMode_SaysWhichValues()
    {
        var error = Assert.Throws<DatabaseException>(() => _driver.Open(database.Profile(s => s["sslmode"] = "sometimes"), TestContext.Current.CancellationToken));

        Assert.Contains("verify-full", error.Message, StringComparison.Ordinal);
    }
}
