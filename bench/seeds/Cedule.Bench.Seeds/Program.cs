using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cedule.Adapters.DuckDb;
using Cedule.Adapters.Postgres;
using Cedule.Core.Context;
using Cedule.Core.Dialects;
using Cedule.Core.Execution.Adapters;
using Cedule.Core.Execution.Seeds;
using Cedule.Core.Project;
using Cedule.Jinja.Values;
using Npgsql;

// Seed loading benchmark (docs/benchmarks.md, "Seeds"). Usage:
//   dotnet run -c Release --project bench/seeds/Cedule.Bench.Seeds -- [rows] [--postgres CONNECTION] [--psql PATH]
// PostgreSQL comes from --postgres or CEDULE_TEST_POSTGRES; without either, only DuckDB runs.
var rows = 1_000_000;
string? postgres = Environment.GetEnvironmentVariable("CEDULE_TEST_POSTGRES");
var psql = File.Exists("/usr/lib/postgresql/15/bin/psql") ? "/usr/lib/postgresql/15/bin/psql" : "/usr/bin/psql";
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--postgres": postgres = args[++i]; break;
        case "--psql": psql = args[++i]; break;
        default: rows = int.Parse(args[i], CultureInfo.InvariantCulture); break;
    }
}

var dir = Directory.CreateTempSubdirectory("cedule-bench-seeds-").FullName;
try
{
    var csv = Path.Combine(dir, "seed.csv");
    var warmup = Path.Combine(dir, "warmup.csv");
    Generate(csv, rows);
    Generate(warmup, 10_000);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows, {new FileInfo(csv).Length / 1e6:F1} MB"));
    Console.WriteLine("| path | wall s | CPU s (this process) | rows/s (wall) | wall vs peer |");
    Console.WriteLine("|---|---:|---:|---:|---:|");

    using (var driver = new DuckDbDriver())
    {
        using var db = driver.Open(Profile("duckdb", new PyDict { ["type"] = "duckdb", ["path"] = ":memory:" }));
        Ours(db, Dialect.DuckDb, warmup, "warm");
        var ours = Ours(db, Dialect.DuckDb, csv, "ours");
        db.Execute($"create table warm_peer as select * from read_csv('{warmup}', header = true)", fetch: false);
        var peer = Time(() => db.Execute($"create table peer as select * from read_csv('{csv}', header = true)", fetch: false));
        Report("DuckDB: CsvSeed.Read + BulkLoad (appender)", ours, rows, peer);
        Report("DuckDB: read_csv (CREATE TABLE AS)", peer, rows, null);
    }

    if (!string.IsNullOrEmpty(postgres))
    {
        var builder = new NpgsqlConnectionStringBuilder(postgres);
        var settings = new PyDict
        {
            ["type"] = "postgres", ["host"] = builder.Host, ["port"] = (long)builder.Port, ["user"] = builder.Username,
            ["password"] = builder.Password, ["dbname"] = builder.Database,
        };
        using var db = new PostgresDriver().Open(Profile("postgres", settings));
        db.Execute("drop table if exists bench_warm, bench_ours, bench_peer", fetch: false);
        Ours(db, Dialect.Postgres, warmup, "bench_warm");
        var ours = Ours(db, Dialect.Postgres, csv, "bench_ours");
        db.Execute("create table bench_peer (like bench_ours)", fetch: false);
        var peer = Time(() => Psql(psql, builder, $"\\copy bench_peer from '{csv}' csv header"));
        Report("PostgreSQL: CsvSeed.Read + BulkLoad (binary COPY)", ours, rows, peer);
        Report("PostgreSQL: psql \\copy … csv header", peer, rows, null);
        var counts = db.Execute("select (select count(*) from bench_ours), (select count(*) from bench_peer)", fetch: true).Table!.Rows[0];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows loaded: ours {counts[0]}, psql {counts[1]}"));
        db.Execute("drop table if exists bench_warm, bench_ours, bench_peer", fetch: false);
    }
}
finally
{
    Directory.Delete(dir, recursive: true);
}

static ResolvedProfile Profile(string type, PyDict settings) =>
    new(new TargetFacts("bench", type, null, type == "duckdb" ? "main" : "public", 1, "bench"), settings, [], "bench");

// What `cedule seed` does: read and type the file, create the table with the dialect's types, bulk load.
static (double Wall, double Cpu) Ours(IDatabaseConnection db, Dialect dialect, string csv, string table) => Time(() =>
{
    var seed = CsvSeed.Read(csv, new SeedOptions());
    var types = seed.Columns.Select(c => dialect.TypeName(c.Kind)).ToList();
    db.Execute($"create table {dialect.Quote(table)} ({string.Join(", ", seed.Columns.Select((c, i) => $"{dialect.Quote(c.Name)} {types[i]}"))})", fetch: false);
    var schema = dialect == Dialect.DuckDb ? "main" : "public";
    db.BulkLoad(new RelationInfo(null, schema, table), seed.Columns.Select((c, i) => c.ToColumnInfo(types[i])).ToList(), seed.Rows);
});

// Wall seconds, and this process's CPU seconds beside them: on a loaded 2-core machine the wall
// time mostly measures the queue, the CPU time what the path costs (DuckDB works in this process;
// PostgreSQL's share is in the server and psql, so its CPU column only shows the client side).
static (double Wall, double Cpu) Time(Action action)
{
    using var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    action();
    process.Refresh();
    return (watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
}

static void Report(string label, (double Wall, double Cpu) time, int rows, (double Wall, double Cpu)? peer) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {label} | {time.Wall:F2} | {time.Cpu:F2} | {rows / time.Wall:N0} | {(peer is { } p ? $"{time.Wall / p.Wall:F2}×" : "peer")} |"));

static void Psql(string psql, NpgsqlConnectionStringBuilder builder, string command)
{
    var start = new ProcessStartInfo(psql)
    {
        ArgumentList = { "-h", builder.Host!, "-p", builder.Port.ToString(CultureInfo.InvariantCulture), "-U", builder.Username!, "-d", builder.Database!, "-v", "ON_ERROR_STOP=1", "-q", "-c", command },
        RedirectStandardError = true,
    };
    start.Environment["PGPASSWORD"] = builder.Password;
    using var process = Process.Start(start)!;
    var error = process.StandardError.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"psql failed: {error}");
    }
}

// Deterministic data: ints, decimals, dates, text (some quoted, with commas), booleans.
static void Generate(string path, int rows)
{
    using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
    writer.Write("id,amount,day,label,active\n");
    var start = new DateOnly(2020, 1, 1);
    for (var id = 1; id <= rows; id++)
    {
        var amount = (id * 7919L % 10_000_000) / 100m;
        var day = start.AddDays(id % 1500).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var label = id % 10 == 0 ? $"\"École {id % 997}, Québec\"" : $"school_{id % 997}";
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"{id},{amount:0.00},{day},{label},{(id % 3 == 0 ? "true" : "false")}\n"));
    }
}
