using Cedule.Core.Execution.Adapters;
using Cedule.TestSupport;

namespace Cedule.Adapters.DuckDb.Tests;

public sealed class DuckDbConnectionTests : IDisposable
{
    private readonly DuckDbDriver _driver = new();
    private readonly IDatabaseConnection _db;

    public DuckDbConnectionTests()
    {
        _db = _driver.Open(DuckDbProfiles.Create(null), TestContext.Current.CancellationToken);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _db.Dispose();
        _driver.Dispose();
    }

    [Fact]
    public void Execute_WithoutFetch_ReturnsOkAndRowsAffected()
    {
        _db.Execute("create table t (n integer)", fetch: false, Token);

        var result = _db.Execute("insert into t values (1), (2), (3)", fetch: false, Token);

        Assert.Equal(new AdapterResponse("OK", 3), result.Response);
        Assert.Null(result.Table);
    }

    [Fact]
    public void Execute_Fetch_NormalizesEveryValueKind()
    {
        var result = _db.Execute(
            """
            select 'x'::varchar as t, 7::integer as i, 9::hugeint as h, 1.25::decimal(10,2) as d, 0.5::double as f, true as b,
                   date '2024-01-31' as dt, timestamp '2024-01-31 13:45:00.5' as ts, null::varchar as n,
                   [1, 2] as l, interval 1 day as iv
            """,
            fetch: true, Token);

        var table = result.Table!;
        Assert.Equal(["VARCHAR", "INTEGER", "HUGEINT", "DECIMAL", "DOUBLE", "BOOLEAN", "DATE", "TIMESTAMP", "VARCHAR", "LIST", "INTERVAL"], table.Columns.Select(c => c.DataType));
        Assert.Equal(
            [ValueKind.Text, ValueKind.Integer, ValueKind.Integer, ValueKind.Decimal, ValueKind.Float, ValueKind.Boolean, ValueKind.Date, ValueKind.Timestamp, ValueKind.Text, ValueKind.Other, ValueKind.Other],
            table.Columns.Select(c => c.Kind));
        Assert.Equal(["x", 7L, 9L, 1.25m, 0.5, true, new DateOnly(2024, 1, 31), new DateTime(2024, 1, 31, 13, 45, 0, 500), null, "[1, 2]", "1.00:00:00"], table.Rows[0]);
        Assert.Equal(1, result.Response.RowsAffected);
    }

    [Fact]
    public void Execute_MultiStatementFetch_ReturnsTheLastResult()
    {
        var table = _db.Execute("create table m (n integer); insert into m values (5); select n * 2 as doubled from m", fetch: true, Token).Table!;

        Assert.Equal("doubled", table.Columns.Single().Name);
        Assert.Equal(10L, table.Rows.Single()[0]);
    }

    [Fact]
    public void Execute_BadSql_ThrowsDatabaseExceptionWithDuckDbMessage()
    {
        var error = Assert.Throws<DatabaseException>(() => _db.Execute("select * from missing_table", fetch: true, Token));

        Assert.Contains("missing_table", error.Message, StringComparison.Ordinal);
        Assert.Contains("Catalog Error", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void Execute_Cancelled_InterruptsTheQuery()
    {
        ConnectionChecks.CancelsRunningStatement(_db, "select count(*) from range(100000000000) a", Token);
    }

    [Fact]
    public void Execute_AlreadyCancelled_Throws()
    {
        Assert.ThrowsAny<OperationCanceledException>(() => _db.Execute("select 1", fetch: false, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Transactions_RollbackUndoesAndCommitKeeps() => ConnectionChecks.TransactionsWork(_db, Token);

    [Fact]
    public void Catalog_ListsSchemasRelationsAndColumns()
    {
        _db.Execute(
            """
            create schema "Sales";
            create table "Sales".orders (id integer, label varchar(20), amount decimal(10,2), "at" timestamp, ok boolean);
            create view "Sales".big_orders as select id from "Sales".orders where amount > 100;
            """,
            fetch: false, Token);

        Assert.Contains("Sales", _db.ListSchemas(null, Token));
        Assert.Equal(
            [new RelationInfo("memory", "Sales", "big_orders", "view"), new RelationInfo("memory", "Sales", "orders", "table")],
            _db.ListRelations(null, "sales", Token));
        Assert.Equal(
            [
                new ColumnInfo("id", "INTEGER", ValueKind.Integer), new ColumnInfo("label", "VARCHAR", ValueKind.Text),
                new ColumnInfo("amount", "DECIMAL(10,2)", ValueKind.Decimal), new ColumnInfo("at", "TIMESTAMP", ValueKind.Timestamp),
                new ColumnInfo("ok", "BOOLEAN", ValueKind.Boolean),
            ],
            _db.GetColumns("memory", "Sales", "orders", Token));
        Assert.Empty(_db.GetColumns(null, "Sales", "nope'; drop table orders; --", Token));
    }

    [Fact]
    public void BulkLoad_EveryKindWithNulls_RoundTrips()
    {
        _db.Execute("create schema \"Seed Schema\"; create table \"Seed Schema\".\"My Seed\" (t varchar, i bigint, i4 integer, d decimal(18,4), f double, b boolean, dt date, ts timestamp, o varchar)", fetch: false, Token);
        var columns = new[]
        {
            new ColumnInfo("t", "VARCHAR"), new ColumnInfo("i", "BIGINT", ValueKind.Integer), new ColumnInfo("i4", "INTEGER", ValueKind.Integer),
            new ColumnInfo("d", "DECIMAL(18,4)", ValueKind.Decimal), new ColumnInfo("f", "DOUBLE", ValueKind.Float), new ColumnInfo("b", "BOOLEAN", ValueKind.Boolean),
            new ColumnInfo("dt", "DATE", ValueKind.Date), new ColumnInfo("ts", "TIMESTAMP", ValueKind.Timestamp), new ColumnInfo("o", "VARCHAR", ValueKind.Other),
        };
        object?[][] rows =
        [
            ["Québec \"quoted\"", 9_000_000_000L, 42L, 1234.5678m, 0.1, true, new DateOnly(2024, 2, 29), new DateTime(2024, 2, 29, 23, 59, 59, 123), "other"],
            [null, null, null, null, null, null, null, null, null],
        ];

        var count = _db.BulkLoad(new RelationInfo(null, "Seed Schema", "My Seed"), columns, rows, Token);

        Assert.Equal(2, count);
        var back = _db.Execute("select * from \"Seed Schema\".\"My Seed\" order by i nulls last", fetch: true, Token).Table!;
        Assert.Equal(rows[0], back.Rows[0]);
        Assert.Equal(rows[1], back.Rows[1]);
    }

    [Fact]
    public void BulkLoad_TextIntoTypedColumnsInAnotherOrder_ConvertsInvariantly()
    {
        _db.Execute("create table conv (a integer, b double, c date)", fetch: false, Token);

        _db.BulkLoad(new RelationInfo(null, "main", "conv"), [new ColumnInfo("c", "VARCHAR"), new ColumnInfo("a", "VARCHAR")], [["2024-01-02", "7"]], Token);

        Assert.Equal([7L, null, new DateOnly(2024, 1, 2)], _db.Execute("select * from conv", fetch: true, Token).Table!.Rows[0]);
    }

    [Fact]
    public void BulkLoad_Cancelled_WritesNothing() => ConnectionChecks.CancelledBulkLoadWritesNothing(_db, "main", Token);

    [Fact]
    public void BulkLoad_BadValue_RollsBackAndSaysWhichRow()
    {
        _db.Execute("create table bad (n integer)", fetch: false, Token);

        var error = Assert.Throws<DatabaseException>(() => _db.BulkLoad(new RelationInfo(null, "main", "bad"), [new ColumnInfo("n", "VARCHAR")], [["1"], ["x"]], Token));

        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, _db.Execute("select count(*) from bad", fetch: true, Token).Table!.Rows[0][0]);
    }

    [Fact]
    public void BulkLoad_MissingTable_Throws()
    {
        Assert.Throws<DatabaseException>(() => _db.BulkLoad(new RelationInfo(null, "main", "nope"), [new ColumnInfo("a", "VARCHAR")], [["x"]], Token));
    }
}
