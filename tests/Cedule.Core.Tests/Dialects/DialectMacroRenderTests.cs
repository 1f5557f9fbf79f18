namespace Cedule.Core.Tests.Dialects;

/// <summary>The exact SQL each built-in macro writes, per dialect.</summary>
public sealed class DialectMacroRenderTests
{
    private static readonly Dictionary<string, DialectRenderer> Renderers = new(StringComparer.Ordinal)
    {
        ["postgres"] = new DialectRenderer("postgres"),
        ["duckdb"] = new DialectRenderer("duckdb"),
        ["sqlserver"] = new DialectRenderer("sqlserver"),
        ["fabric"] = new DialectRenderer("fabric"),
    };

    private const string Types = "{{ dbt.type_string() }}|{{ dbt.type_timestamp() }}|{{ dbt.type_float() }}|{{ dbt.type_numeric() }}|{{ dbt.type_bigint() }}|{{ dbt.type_int() }}|{{ dbt.type_boolean() }}";

    [Theory]
    [InlineData("postgres", Types, "text|timestamp|float|numeric(28,6)|bigint|int|boolean")]
    [InlineData("duckdb", Types, "varchar|timestamp|double|numeric(28,6)|bigint|int|boolean")]
    [InlineData("sqlserver", Types, "varchar(8000)|datetime2(6)|float|numeric(28,6)|bigint|int|bit")]
    [InlineData("fabric", Types, "varchar(8000)|datetime2(6)|float|numeric(28,6)|bigint|int|bit")]
    public void TypeHelpers_EachDialect_NameItsTypes(string adapter, string template, string expected) =>
        Assert.Equal(expected, Renderers[adapter].Render(template));

    [Theory]
    [InlineData("postgres", "{{ dbt.current_timestamp() }}", "now()")]
    [InlineData("duckdb", "{{ dbt.current_timestamp() }}", "now()")]
    [InlineData("sqlserver", "{{ dbt.current_timestamp() }}", "cast(sysdatetime() as datetime2(6))")]
    [InlineData("postgres", "{{ dbt.string_literal(\"it's\") }}", "'it''s'")]
    [InlineData("sqlserver", "{{ dbt.string_literal(\"it's\") }}", "'it''s'")]
    [InlineData("postgres", "{{ dbt.escape_single_quotes(\"they're\") }}", "they''re")]
    [InlineData("postgres", "{{ dbt.safe_cast('x', dbt.type_int()) }}", "cast(x as int)")]
    [InlineData("duckdb", "{{ dbt.safe_cast('x', dbt.type_int()) }}", "try_cast(x as int)")]
    [InlineData("sqlserver", "{{ dbt.safe_cast('x', dbt.type_int()) }}", "try_cast(x as int)")]
    [InlineData("duckdb", "{{ dbt.cast('x', 'date') }}", "cast(x as date)")]
    [InlineData("postgres", "{{ dbt.cast_bool_to_text('flag') }}", "cast(flag as text)")]
    [InlineData("duckdb", "{{ dbt.cast_bool_to_text('flag') }}", "cast(flag as varchar)")]
    [InlineData("sqlserver", "{{ dbt.cast_bool_to_text('flag') }}", "case cast(flag as bit) when 1 then 'true' when 0 then 'false' end")]
    [InlineData("sqlserver", "{{ dbt.cast_bool_to_text('1 = 1') }}", "case when 1 = 1 then 'true' when not (1 = 1) then 'false' end")]
    public void TypesAndLiterals_EachDialect_RenderExactSql(string adapter, string template, string expected) =>
        Assert.Equal(expected, Renderers[adapter].Render(template));

    [Theory]
    [InlineData("postgres", "{{ dbt.concat(['a', \"'-'\", 'b']) }}", "a || '-' || b")]
    [InlineData("duckdb", "{{ dbt.concat(['a', \"'-'\", 'b']) }}", "a || '-' || b")]
    [InlineData("sqlserver", "{{ dbt.concat(['a', \"'-'\", 'b']) }}", "concat(a, '-', b)")]
    [InlineData("sqlserver", "{{ dbt.concat(['a']) }}", "concat(a, '')")]
    [InlineData("postgres", "{{ dbt.hash('x') }}", "md5(cast(x as text))")]
    [InlineData("duckdb", "{{ dbt.hash('x') }}", "md5(cast(x as varchar))")]
    [InlineData("sqlserver", "{{ dbt.hash('x') }}", "lower(convert(varchar(50), hashbytes('md5', coalesce(convert(varchar(8000), x), '')), 2))")]
    [InlineData("postgres", "{{ dbt.length('s') }}", "length(s)")]
    [InlineData("sqlserver", "{{ dbt.length('s') }}", "len(s)")]
    [InlineData("postgres", "{{ dbt.position(\"'-'\", 's') }}", "position('-' in s)")]
    [InlineData("sqlserver", "{{ dbt.position(\"'-'\", 's') }}", "charindex('-', s)")]
    [InlineData("duckdb", "{{ dbt.replace('s', \"'-'\", \"'_'\") }}", "replace(s, '-', '_')")]
    [InlineData("sqlserver", "{{ dbt.right('s', 3) }}", "right(s, 3)")]
    [InlineData("postgres", "{{ dbt.split_part('s', \"','\", 2) }}", "split_part(s, ',', 2)")]
    [InlineData("duckdb", "{{ dbt.split_part('s', \"','\", -1) }}", "split_part(s, ',', -1)")]
    [InlineData("sqlserver", "{{ dbt.split_part('s', \"','\", 2) }}",
        "cast(json_value('[\"' + replace(string_escape(s, 'json'), string_escape(',', 'json'), '\",\"') + '\"]', '$[1]') as varchar(8000))")]
    [InlineData("sqlserver", "{{ dbt.split_part('s', \"','\", -1) }}",
        "reverse(cast(json_value('[\"' + replace(string_escape(reverse(s), 'json'), string_escape(reverse(','), 'json'), '\",\"') + '\"]', '$[0]') as varchar(8000)))")]
    [InlineData("sqlserver", "{{ dbt.split_part('s', \"','\", 'n') }}",
        "cast(json_value('[\"' + replace(string_escape(s, 'json'), string_escape(',', 'json'), '\",\"') + '\"]', '$[' + cast((n) - 1 as varchar(11)) + ']') as varchar(8000))")]
    public void StringFunctions_EachDialect_RenderExactSql(string adapter, string template, string expected) =>
        Assert.Equal(expected, Renderers[adapter].Render(template));

    [Theory]
    [InlineData("postgres", "{{ dbt.dateadd('day', 3, 'd') }}", "(d + (interval '1 day' * (3)))")]
    [InlineData("postgres", "{{ dbt.dateadd('quarter', -1, 'd') }}", "(d + (interval '3 month' * (-1)))")]
    [InlineData("duckdb", "{{ dbt.dateadd('day', 3, 'd') }}", "(d + (interval '1 day' * (3)))")]
    [InlineData("sqlserver", "{{ dbt.dateadd('day', 3, 'd') }}", "dateadd(day, 3, cast(d as datetime2(6)))")]
    [InlineData("postgres", "{{ dbt.datediff('a', 'b', 'month') }}",
        "cast((extract(year from (b)::timestamp) - extract(year from (a)::timestamp)) * 12 + extract(month from (b)::timestamp) - extract(month from (a)::timestamp) as bigint)")]
    [InlineData("postgres", "{{ dbt.datediff('a', 'b', 'day') }}", "cast(((b)::timestamp)::date - ((a)::timestamp)::date as bigint)")]
    [InlineData("postgres", "{{ dbt.datediff('a', 'b', 'hour') }}",
        "cast(extract(epoch from date_trunc('hour', (b)::timestamp) - date_trunc('hour', (a)::timestamp)) / 3600 as bigint)")]
    [InlineData("duckdb", "{{ dbt.datediff('a', 'b', 'month') }}", "date_diff('month', cast(a as timestamp), cast(b as timestamp))")]
    [InlineData("sqlserver", "{{ dbt.datediff('a', 'b', 'month') }}", "datediff(month, a, b)")]
    [InlineData("postgres", "{{ dbt.date_trunc('month', 'd') }}", "date_trunc('month', d)")]
    [InlineData("sqlserver", "{{ dbt.date_trunc('month', 'd') }}", "datefromparts(year(d), month(d), 1)")]
    [InlineData("sqlserver", "{{ dbt.date_trunc('week', 'd') }}", "dateadd(day, -((datepart(weekday, d) + @@datefirst + 5) % 7), cast(d as date))")]
    [InlineData("sqlserver", "{{ dbt.date_trunc('hour', 'd') }}", "dateadd(hour, datepart(hour, d), cast(cast(d as date) as datetime2(6)))")]
    [InlineData("postgres", "{{ dbt.last_day('d', 'month') }}", "cast(((date_trunc('month', d) + (interval '1 month' * (1))) + (interval '1 day' * (-1))) as date)")]
    [InlineData("sqlserver", "{{ dbt.last_day('d', 'month') }}", "eomonth(d)")]
    [InlineData("duckdb", "{{ dbt.date(2024, 1, 5) }}", "cast('2024-01-05' as date)")]
    [InlineData("sqlserver", "{{ dbt.date(2024, 1, 5) }}", "cast('2024-01-05' as date)")]
    public void DateFunctions_EachDialect_RenderExactSql(string adapter, string template, string expected) =>
        Assert.Equal(expected, Renderers[adapter].Render(template));

    [Theory]
    [InlineData("postgres", "{{ dbt.listagg('v', \"', '\", 'order by v') }}", "string_agg(v, ', ' order by v)")]
    [InlineData("postgres", "{{ dbt.listagg('v', \"','\", 'order by v', 2) }}", "array_to_string((array_agg(v order by v))[1:2], ',')")]
    [InlineData("duckdb", "{{ dbt.listagg('v', \"','\") }}", "string_agg(v, ',')")]
    [InlineData("fabric", "{{ dbt.listagg('v', \"', '\", 'order by v') }}", "string_agg(v, ', ') within group (order by v)")]
    [InlineData("sqlserver", "{{ dbt.listagg('v', \"', '\", 'order by v') }}", "string_agg(cast(v as varchar(max)), ', ') within group (order by v)")]
    [InlineData("postgres", "{{ dbt.any_value('v') }}", "min(v)")]
    [InlineData("duckdb", "{{ dbt.any_value('v') }}", "any_value(v)")]
    [InlineData("sqlserver", "{{ dbt.any_value('v') }}", "min(v)")]
    [InlineData("postgres", "{{ dbt.bool_or('v = 3') }}", "bool_or(v = 3)")]
    [InlineData("sqlserver", "{{ dbt.bool_or('flag') }}", "cast(max(cast(flag as int)) as bit)")]
    [InlineData("sqlserver", "{{ dbt.bool_or('v = 3') }}", "cast(max(case when v = 3 then 1 when not (v = 3) then 0 end) as bit)")]
    [InlineData("sqlserver", "{{ dbt.except() }} {{ dbt.intersect() }}", "except intersect")]
    [InlineData("postgres", "{{ dbt.array_construct(['1', '2']) }}|{{ dbt.array_construct([]) }}", "array[1, 2]|array[]::int[]")]
    [InlineData("postgres", "{{ dbt.array_append('a', '3') }}|{{ dbt.array_concat('a', 'b') }}", "array_append(a, 3)|array_cat(a, b)")]
    [InlineData("duckdb", "{{ dbt.array_construct(['1', '2']) }}|{{ dbt.array_construct([], 'varchar') }}", "[1, 2]|cast([] as varchar[])")]
    [InlineData("duckdb", "{{ dbt.array_append('a', '3') }}|{{ dbt.array_concat('a', 'b') }}", "list_append(a, 3)|list_concat(a, b)")]
    public void AggregatesSetsAndArrays_EachDialect_RenderExactSql(string adapter, string template, string expected) =>
        Assert.Equal(expected, Renderers[adapter].Render(template));

    [Theory]
    [InlineData("sqlserver", "{{ dbt.listagg('v', \"','\", 'order by v', 2) }}", "limit_num is not supported on sqlserver")]
    [InlineData("sqlserver", "{{ dbt.listagg('distinct v', \"','\") }}", "DISTINCT is not supported")]
    [InlineData("fabric", "{{ dbt.array_construct(['1']) }}", "fabric has no array type")]
    [InlineData("postgres", "{{ dbt.datediff('a', 'b', 'fortnight') }}", "unsupported datepart 'fortnight'")]
    public void UnsupportedUse_TSqlOrUnknownPart_RaisesACompilationError(string adapter, string template, string message)
    {
        var error = Assert.Throws<Jinja.TemplateException>(() => Renderers[adapter].Render(template));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlserver")]
    public void GenerateNames_Defaults_FollowDbtsDocumentedRules(string adapter)
    {
        var rendered = Renderers[adapter].Render(
            "{{ generate_schema_name(none, {}) }}|{{ generate_schema_name(' staging ', {}) }}|{{ default__generate_schema_name('x', {}) }}"
            + "|{{ generate_alias_name(none, {'name': 'm', 'version': none}) }}|{{ generate_alias_name(none, {'name': 'm', 'version': 2}) }}|{{ generate_alias_name(' a ', {'name': 'm'}) }}"
            + "|{{ generate_database_name(none, {}) }}|{{ generate_database_name('other', {}) }}");

        Assert.Equal("analytics|analytics_staging|analytics_x|m|m_v2|a|warehouse|other", rendered);
    }

    [Fact]
    public void GetWhereSubquery_NoWhereConfigAtParseTime_ReturnsTheRelation() =>
        Assert.Equal("analytics.t", Renderers["postgres"].Render("{{ get_where_subquery('analytics.t') }}"));
}
