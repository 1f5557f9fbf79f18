using Cedule.Core.Execution.Adapters;
using Cedule.Jinja.Values;

namespace Cedule.Adapters.DuckDb.Tests;

/// <summary>Not run in parallel with other classes: one test changes the process's current directory.</summary>
[CollectionDefinition(nameof(DuckDbDriverTests), DisableParallelization = true)]
[Collection(nameof(DuckDbDriverTests))]
public sealed class DuckDbDriverTests : IDisposable
{
    private readonly DuckDbDriver _driver = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("cedule-duckdb-").FullName;

    public void Dispose()
    {
        _driver.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Open_InMemoryTarget_EveryConnectionSeesTheSameDatabase()
    {
        var profile = DuckDbProfiles.Create(null);
        using (var first = _driver.Open(profile, TestContext.Current.CancellationToken))
        {
            first.Execute("create table shared as select 42 as answer", fetch: false, TestContext.Current.CancellationToken);
        }

        using var second = _driver.Open(profile, TestContext.Current.CancellationToken);
        using var other = _driver.Open(DuckDbProfiles.Create(":memory:"), TestContext.Current.CancellationToken);

        Assert.Equal(42L, second.Execute("select answer from shared", fetch: true, TestContext.Current.CancellationToken).Table!.Rows[0][0]);
        Assert.Empty(other.ListRelations(null, "main", TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Open_RelativeFilePath_IsResolvedFromTheCurrentDirectoryAndPersists()
    {
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = _dir;
        try
        {
            var profile = DuckDbProfiles.Create("dev.duckdb");
            using (var connection = _driver.Open(profile, TestContext.Current.CancellationToken))
            {
                connection.Execute("create table kept (n integer); insert into kept values (1), (2)", fetch: false, TestContext.Current.CancellationToken);
            }

            Assert.True(File.Exists(Path.Combine(_dir, "dev.duckdb")));
            using var reopened = new DuckDbDriver().Open(profile, TestContext.Current.CancellationToken);
            Assert.Equal(2L, reopened.Execute("select count(*) from kept", fetch: true, TestContext.Current.CancellationToken).Table!.Rows[0][0]);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Fact]
    public void Open_SchemaAndSettings_CreatesSchemaAndAppliesSettings()
    {
        var profile = DuckDbProfiles.Create(null, ("schema", "analytics"), ("settings", new PyDict { ["threads"] = 1L, ["default_order"] = "DESC" }));

        using var connection = _driver.Open(profile, TestContext.Current.CancellationToken);

        Assert.Contains("analytics", connection.ListSchemas(null, TestContext.Current.CancellationToken));
        var table = connection.Execute("select current_setting('threads'), current_setting('default_order')", fetch: true, TestContext.Current.CancellationToken).Table!;
        Assert.Equal([1L, "DESC"], table.Rows[0]);
    }

    [Fact]
    public void Open_BundledExtension_Loads()
    {
        var profile = DuckDbProfiles.Create(null, ("extensions", new List<object?> { "parquet" }));

        using var connection = _driver.Open(profile, TestContext.Current.CancellationToken);

        var loaded = connection.Execute("select loaded from duckdb_extensions() where extension_name = 'parquet'", fetch: true, TestContext.Current.CancellationToken);
        Assert.Equal(true, loaded.Table!.Rows[0][0]);
    }

    [Fact]
    public void Open_ExtensionNotInstalled_SaysItIsNotDownloaded()
    {
        var profile = DuckDbProfiles.Create(null, ("extensions", new List<object?> { "no_such_extension" }));

        var error = Assert.Throws<DatabaseException>(() => _driver.Open(profile, TestContext.Current.CancellationToken));

        Assert.Contains("no_such_extension", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not download", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_UnwritableFolder_NamesTheFile()
    {
        var profile = DuckDbProfiles.Create(Path.Combine(_dir, "missing", "folder", "dev.duckdb"));

        var error = Assert.Throws<DatabaseException>(() => _driver.Open(profile, TestContext.Current.CancellationToken));

        Assert.Contains("dev.duckdb", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }
}
