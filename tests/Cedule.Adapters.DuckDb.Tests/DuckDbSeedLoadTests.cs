using Cedule.Core.Dialects;
using Cedule.Core.Execution.Seeds;

namespace Cedule.Adapters.DuckDb.Tests;

public sealed class DuckDbSeedLoadTests : IDisposable
{
    private readonly DuckDbDriver _driver = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("cedule-duckdb-seed-").FullName;

    public void Dispose()
    {
        _driver.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void SeedReader_ThenBulkLoad_LoadsTypedRows()
    {
        var token = TestContext.Current.CancellationToken;
        var path = Path.Combine(_dir, "schools.csv");
        File.WriteAllText(path, "id,name,budget,open,opened_on,updated_at,code\n1,\"École, Saint-Jean\",1250.50,true,1998-09-01,2024-01-31 08:00:00,007\n2,Polyvalente,,false,,,042\n");
        var seed = CsvSeed.Read(path, new SeedOptions(ColumnTypes: new Dictionary<string, string> { ["code"] = "INTEGER" }), token);
        using var db = _driver.Open(DuckDbProfiles.Create(Path.Combine(_dir, "dw.duckdb")), token);
        var types = seed.Columns.Select(c => c.TypeOverride ?? Dialect.DuckDb.TypeName(c.Kind)).ToList();
        db.Execute($"create table schools ({string.Join(", ", seed.Columns.Select((c, i) => $"{Dialect.DuckDb.Quote(c.Name)} {types[i]}"))})", fetch: false, token);

        var loaded = db.BulkLoad(new(null, "main", "schools"), seed.Columns.Select((c, i) => c.ToColumnInfo(types[i])).ToList(), seed.Rows, token);

        Assert.Equal(2, loaded);
        var rows = db.Execute("select * from schools order by id", fetch: true, token).Table!.Rows;
        Assert.Equal([1L, "École, Saint-Jean", 1250.5, true, new DateOnly(1998, 9, 1), new DateTime(2024, 1, 31, 8, 0, 0), 7L], rows[0]);
        Assert.Equal([2L, "Polyvalente", null, false, null, null, 42L], rows[1]);
    }
}
