using Cedule.Core.Dialects;
using Cedule.Core.Execution.Seeds;

namespace Cedule.Adapters.Postgres.Tests;

public sealed class PostgresSeedLoadTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cedule-pg-seed-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void SeedReader_ThenBulkLoad_LoadsTypedRows()
    {
        var token = TestContext.Current.CancellationToken;
        var path = Path.Combine(_dir, "schools.csv");
        File.WriteAllText(path, "id,name,budget,open,opened_on,updated_at,code\n1,\"École, Saint-Jean\",1250.50,true,1998-09-01,2024-01-31T08:00:00,007\n2,Polyvalente,,false,,,042\n");
        var seed = CsvSeed.Read(path, new SeedOptions(ColumnTypes: new Dictionary<string, string> { ["code"] = "integer" }), token);
        using var db = new PostgresDriver().Open(database.Profile(), token);
        var types = seed.Columns.Select(c => c.TypeOverride ?? Dialect.Postgres.TypeName(c.Kind)).ToList();
        db.Execute($"create table public.schools ({string.Join(", ", seed.Columns.Select((c, i) => $"{Dialect.Postgres.Quote(c.Name)} {types[i]}"))})", fetch: false, token);

        var loaded = db.BulkLoad(new(null, "public", "schools"), seed.Columns.Select((c, i) => c.ToColumnInfo(types[i])).ToList(), seed.Rows, token);

        Assert.Equal(2, loaded);
        var rows = db.Execute("select * from public.schools order by id", fetch: true, token).Table!.Rows;
        Assert.Equal([1L, "École, Saint-Jean", 1250.50m, true, new DateOnly(1998, 9, 1), new DateTime(2024, 1, 31, 8, 0, 0), 7L], rows[0]);
        Assert.Equal([2L, "Polyvalente", null, false, null, null, 42L], rows[1]);
    }
}
