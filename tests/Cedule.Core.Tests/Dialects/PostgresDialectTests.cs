using Cedule.TestSupport;
using Npgsql;

namespace Cedule.Core.Tests.Dialects;

/// <summary>
/// The PostgreSQL macros run for real: each rendered expression is executed and its value checked,
/// so the SQL is not only the text we expect but the answer dbt documents.
/// </summary>
public sealed class PostgresDialectTests
{
    private static readonly DialectRenderer Postgres = new("postgres");

    // A table with a duplicate (2), a null and a value outside the accepted ones ('x').
    private const string Setup =
        "create table items (id int, code text, flag boolean, parent_id int);"
        + "insert into items values (1, 'a', false, 10), (2, 'b', null, 10), (2, 'x', true, 99), (null, 'a', false, null);"
        + "create table parents (id int); insert into parents values (10), (20);";

    [Theory]
    [InlineData("{{ dbt.concat([\"'a'\", \"'b'\"]) }}", "ab")]
    [InlineData("{{ dbt.dateadd('day', 3, \"date '2024-01-30'\") }}", "2024-02-02 00:00:00")]
    [InlineData("{{ dbt.dateadd('month', -2, \"date '2024-03-31'\") }}", "2024-01-31 00:00:00")]
    [InlineData("{{ dbt.dateadd('quarter', 1, \"date '2024-01-15'\") }}", "2024-04-15 00:00:00")]
    [InlineData("{{ dbt.datediff(\"date '2024-01-01'\", \"date '2024-03-01'\", 'month') }}", "2")]
    [InlineData("{{ dbt.datediff(\"date '2024-01-31'\", \"date '2024-02-01'\", 'month') }}", "1")]
    [InlineData("{{ dbt.datediff(\"date '2024-03-01'\", \"date '2024-01-01'\", 'day') }}", "-60")]
    [InlineData("{{ dbt.datediff(\"date '2023-12-31'\", \"date '2024-01-01'\", 'year') }}", "1")]
    [InlineData("{{ dbt.datediff(\"date '2024-02-10'\", \"date '2024-05-01'\", 'quarter') }}", "1")]
    [InlineData("{{ dbt.datediff(\"date '2024-01-07'\", \"date '2024-01-08'\", 'week') }}", "1")]
    [InlineData("{{ dbt.datediff(\"timestamp '2024-01-01 08:59'\", \"timestamp '2024-01-01 10:05'\", 'hour') }}", "2")]
    [InlineData("{{ dbt.datediff(\"timestamp '2024-01-01 08:59:59'\", \"timestamp '2024-01-01 09:00:01'\", 'minute') }}", "1")]
    [InlineData("{{ dbt.date_trunc('month', \"timestamp '2024-03-17 10:00'\") }}", "2024-03-01 00:00:00")]
    [InlineData("{{ dbt.last_day(\"date '2024-02-10'\", 'month') }}", "2024-02-29")]
    [InlineData("{{ dbt.last_day(\"date '2024-02-10'\", 'quarter') }}", "2024-03-31")]
    [InlineData("{{ dbt.split_part(\"'a,b,c'\", \"','\", 2) }}", "b")]
    [InlineData("{{ dbt.split_part(\"'a,b,c'\", \"','\", -1) }}", "c")]
    [InlineData("{{ dbt.hash(\"'a'\") }}", "0cc175b9c0f1b6a831c399e269772661")]
    [InlineData("{{ dbt.hash(dbt.concat([\"'a'\", \"'-'\", \"'b'\"])) }}", "8ca2ed590cf2ea2404f2e67641bcdf50")]
    [InlineData("{{ dbt.safe_cast(\"'42'\", dbt.type_int()) }}", "42")]
    [InlineData("{{ dbt.cast(\"'1.5'\", dbt.type_numeric()) }}", "1.500000")]
    [InlineData("{{ dbt.replace(\"'a-b-c'\", \"'-'\", \"'_'\") }}", "a_b_c")]
    [InlineData("{{ dbt.position(\"'-'\", \"'ab-c'\") }}", "3")]
    [InlineData("{{ dbt.right(\"'abcdef'\", 3) }}", "def")]
    [InlineData("{{ dbt.length(\"'abcdef'\") }}", "6")]
    [InlineData("{{ dbt.string_literal(\"it's\") }}", "it's")]
    [InlineData("{{ dbt.cast_bool_to_text('1 = 1') }}", "true")]
    [InlineData("{{ dbt.array_concat(dbt.array_append(dbt.array_construct(['1', '2']), '3'), dbt.array_construct(['4'])) }}", "{1,2,3,4}")]
    [InlineData("{{ dbt.array_construct([]) }}", "{}")]
    [InlineData("{{ dbt.date(2024, 1, 5) }}", "2024-01-05")]
    [InlineData("{{ dbt.current_timestamp() }} is not null", "true")]
    public async Task Expression_RenderedForPostgres_EvaluatesToTheDocumentedValue(string template, string expected)
    {
        var rows = await QueryAsync($"select ({Postgres.Render(template)})::text");

        Assert.Equal([expected], rows);
    }

    [Theory]
    [InlineData("select {{ dbt.listagg('code', \"','\", 'order by code desc') }} from items", "x,b,a,a")]
    [InlineData("select {{ dbt.listagg('code', \"'|'\", 'order by code', 2) }} from items", "a|a")]
    [InlineData("select {{ dbt.listagg('distinct code', \"','\") }} from (select code from items order by code) t", "a,b,x")]
    [InlineData("select {{ dbt.bool_or('flag') }}::text from items", "true")]
    [InlineData("select {{ dbt.bool_or('id > 5') }}::text from items", "false")]
    [InlineData("select {{ dbt.any_value('code') }} from items where id = 1", "a")]
    [InlineData("select count(*)::text from (select code from items {{ dbt.except() }} select 'a') t", "2")]
    [InlineData("select count(*)::text from (select code from items {{ dbt.intersect() }} select 'a') t", "1")]
    public async Task Aggregate_RenderedForPostgres_ComputesOverTheTable(string template, string expected)
    {
        var rows = await QueryAsync(Postgres.Render(template));

        Assert.Equal([expected], rows);
    }

    [Theory]
    [InlineData("{{ test_unique(model='items', column_name='id') }}", "2")]
    [InlineData("{{ test_not_null(model='items', column_name='id') }}", "")]
    [InlineData("{{ test_accepted_values(model='items', column_name='code', values=['a', 'b']) }}", "x")]
    [InlineData("{{ test_relationships(model='items', column_name='parent_id', to='parents', field='id') }}", "99")]
    public async Task GenericTest_TableWithDuplicateNullAndOrphan_ReturnsTheFailingRows(string template, string expectedFirstColumn)
    {
        var rows = await QueryAsync($"select (f.*)::text from ({Postgres.Render(template)}) f");

        // One failing row each; its first column, read from the row's text form "(value,...)".
        var row = Assert.Single(rows);
        Assert.Equal(expectedFirstColumn, row!.Trim('(', ')').Split(',')[0]);
    }

    [Fact]
    public async Task GenericTest_CleanColumn_ReturnsNoRows()
    {
        var rows = await QueryAsync(Postgres.Render("{{ test_unique(model='parents', column_name='id') }}"));

        Assert.Empty(rows);
    }

    // One database for the class, created on first use: the queries only read, and a database per
    // case (some fifty) costs the server far more than the tests themselves.
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _database;

    private static async Task<string> DatabaseAsync(CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try
        {
            if (_database is null)
            {
                var connectionString = await TestPostgres.CreateDatabaseAsync("dialects", ct);
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(ct);
                await using var create = new NpgsqlCommand(Setup, connection);
                await create.ExecuteNonQueryAsync(ct);
                _database = connectionString;
            }

            return _database;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<List<string?>> QueryAsync(string sql)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(await DatabaseAsync(ct));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<string?>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return rows;
    }
}
