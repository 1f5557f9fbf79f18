using Cedule.Core.Execution.Adapters;
using Cedule.TestSupport;

namespace Cedule.Adapters.Postgres.Tests;

public sealed class PostgresConnectionTests : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly IDatabaseConnection _db;
    private readonly string _schema = $"s{Guid.NewGuid():N}"[..12];

    public PostgresConnectionTests(PostgresDatabase database)
    {
        _db = new PostgresDriver().Open(database.Profile(), Token);
        _db.Execute($"create schema {_schema}; set search_path = {_schema}", fetch: false, Token);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Execute_Statements_ReturnPostgresCommandTags()
    {
        Assert.Equal(new AdapterResponse("CREATE TABLE", -1, "CREATE"), _db.Execute("create table t (n integer)", fetch: false, Token).Response);
        Assert.Equal(new AdapterResponse("INSERT 0 5", 5, "INSERT"), _db.Execute("insert into t select generate_series(1, 5)", fetch: false, Token).Response);
        Assert.Equal(new AdapterResponse("UPDATE 2", 2, "UPDATE"), _db.Execute("update t set n = n + 10 where n <= 2", fetch: false, Token).Response);
        Assert.Equal("CREATE VIEW", _db.Execute("/* cedule */ create or replace view v as select * from t", fetch: false, Token).Response.Message);
        Assert.Equal("SELECT 5", _db.Execute("create materialized view mv as select * from t", fetch: false, Token).Response.Message);
        Assert.Equal("CREATE INDEX", _db.Execute("create unique index if not exists ix on t (n)", fetch: false, Token).Response.Message);
        Assert.Equal("SELECT 3", _db.Execute("create table t2 as select * from t where n < 10", fetch: false, Token).Response.Message);
        Assert.Equal(new AdapterResponse("DELETE 3", 3, "DELETE"), _db.Execute("delete from t where n < 10", fetch: false, Token).Response);
        Assert.Equal("DROP TABLE", _db.Execute("drop table t2", fetch: false, Token).Response.Message);
    }

    [Fact]
    public void Execute_Fetch_NormalizesEveryValueKind()
    {
        var result = _db.Execute(
            """
            select 'x'::varchar(20) as t, 7::integer as i, 8::bigint as b8, 1.25::numeric(10,2) as d, 0.5::double precision as f, 0.25::real as r,
                   true as b, date '2024-01-31' as dt, timestamp '2024-01-31 13:45:00.5' as ts, timestamptz '2024-01-31 13:45:00+02' as tz,
                   null::text as n, array[1, 2] as a, '00000000-0000-0000-0000-000000000001'::uuid as u
            """,
            fetch: true, Token);

        var table = result.Table!;
        Assert.Equal(
            [ValueKind.Text, ValueKind.Integer, ValueKind.Integer, ValueKind.Decimal, ValueKind.Float, ValueKind.Float, ValueKind.Boolean, ValueKind.Date,
             ValueKind.Timestamp, ValueKind.Timestamp, ValueKind.Text, ValueKind.Other, ValueKind.Other],
            table.Columns.Select(c => c.Kind));
        Assert.Equal(
            ["x", 7L, 8L, 1.25m, 0.5, 0.25, true, new DateOnly(2024, 1, 31), new DateTime(2024, 1, 31, 13, 45, 0, 500), new DateTime(2024, 1, 31, 11, 45, 0, DateTimeKind.Utc),
             null, "[1, 2]", "00000000-0000-0000-0000-000000000001"],
            table.Rows[0]);
        Assert.Equal("SELECT 1", result.Response.Message);
    }

    [Fact]
    public void Execute_MultiStatementFetch_ReturnsTheLastResult()
    {
        var table = _db.Execute("create table m (n integer); insert into m values (5); select n * 2 as doubled from m", fetch: true, Token).Table!;

        Assert.Equal(10L, table.Rows.Single()[0]);
    }

    [Fact]
    public void Execute_Error_HasSqlStateAndLineAndColumn()
    {
        var error = Assert.Throws<DatabaseException>(() => _db.Execute("select 1\nfrom missing_table", fetch: true, Token));

        Assert.Contains("relation \"missing_table\" does not exist (SQLSTATE 42P01, line 2 column 6)", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void Execute_Cancelled_CancelsTheRunningStatement()
    {
        ConnectionChecks.CancelsRunningStatement(_db, "select pg_sleep(30)", Token);
        Assert.Equal(1L, _db.Execute("select 1", fetch: true, Token).Table!.Rows[0][0]);
    }

    [Fact]
    public void Transactions_RollbackUndoesAndCommitKeeps() => ConnectionChecks.TransactionsWork(_db, Token);

    [Fact]
    public void Catalog_ListsSchemasRelationsAndColumnsWithDbtTypeNames()
    {
        _db.Execute(
            """
            create table orders (id integer, label character varying(20), amount numeric(10,2), "at" timestamp, ok boolean, big bigint);
            create view big_orders as select id from orders where amount > 100;
            alter table orders drop column big;
            """,
            fetch: false, Token);

        Assert.Contains(_schema, _db.ListSchemas(null, Token));
        var relations = _db.ListRelations(null, _schema.ToUpperInvariant(), Token);
        Assert.Equal([("big_orders", "view"), ("orders", "table")], relations.Select(r => (r.Identifier, r.Type)));
        Assert.Equal(
            [
                new ColumnInfo("id", "integer", ValueKind.Integer), new ColumnInfo("label", "character varying(20)", ValueKind.Text),
                new ColumnInfo("amount", "numeric(10,2)", ValueKind.Decimal), new ColumnInfo("at", "timestamp without time zone", ValueKind.Timestamp),
                new ColumnInfo("ok", "boolean", ValueKind.Boolean),
            ],
            _db.GetColumns(null, _schema, "orders", Token));
        Assert.Empty(_db.GetColumns(null, _schema, "x'; drop table orders; --", Token));
        Assert.Throws<DatabaseException>(() => _db.ListSchemas("another_database", Token));
    }

    [Fact]
    public void BulkLoad_EveryKindWithNulls_RoundTrips()
    {
        _db.Execute(
            "create table \"My Seed\" (t text, v character varying(30), i bigint, i4 integer, i2 smallint, d numeric, f double precision, r real, b boolean, dt date, ts timestamp without time zone, tz timestamptz, o text)",
            fetch: false, Token);
        var kinds = new (string Name, ValueKind Kind)[]
        {
            ("t", ValueKind.Text), ("v", ValueKind.Text), ("i", ValueKind.Integer), ("i4", ValueKind.Integer), ("i2", ValueKind.Integer), ("d", ValueKind.Decimal),
            ("f", ValueKind.Float), ("r", ValueKind.Float), ("b", ValueKind.Boolean), ("dt", ValueKind.Date), ("ts", ValueKind.Timestamp), ("tz", ValueKind.Timestamp), ("o", ValueKind.Other),
        };
        object?[][] rows =
        [
            ["Québec \"q\"", "varchar", 9_000_000_000L, 42L, 7L, 1234.5678m, 0.1, 0.25, true, new DateOnly(2024, 2, 29), new DateTime(2024, 2, 29, 23, 59, 59, 123), new DateTime(2024, 2, 29, 12, 0, 0, DateTimeKind.Utc), "other"],
            [null, null, null, null, null, null, null, null, null, null, null, null, null],
        ];

        var count = _db.BulkLoad(new RelationInfo(null, _schema, "My Seed"), kinds.Select(k => new ColumnInfo(k.Name, string.Empty, k.Kind)).ToList(), rows, Token);

        Assert.Equal(2, count);
        var back = _db.Execute("select * from \"My Seed\" order by i nulls last", fetch: true, Token).Table!;
        Assert.Equal(rows[0], back.Rows[0]);
        Assert.Equal(rows[1], back.Rows[1]);
    }

    [Fact]
    public void BulkLoad_Cancelled_WritesNothing() => ConnectionChecks.CancelledBulkLoadWritesNothing(_db, _schema, Token);
}
