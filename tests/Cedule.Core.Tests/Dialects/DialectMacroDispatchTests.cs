using Cedule.Core.Context;
using Cedule.Core.Dialects;
using Cedule.Core.Parsing;

namespace Cedule.Core.Tests.Dialects;

/// <summary>How the built-in macros are found, dispatched and overridden, and the generic tests' SQL.</summary>
public sealed class DialectMacroDispatchTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cedule-dialects-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Macros_EmbeddedFiles_CoverDbtsCrossDatabaseCatalogue()
    {
        var names = DialectMacros.Macros.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);

        string[] dispatched =
        [
            "type_string", "type_timestamp", "type_float", "type_numeric", "type_bigint", "type_int", "type_boolean",
            "cast", "safe_cast", "cast_bool_to_text", "concat", "hash", "length", "position", "replace", "right", "split_part",
            "escape_single_quotes", "string_literal", "current_timestamp", "dateadd", "datediff", "date_trunc", "last_day", "date",
            "listagg", "any_value", "bool_or", "except", "intersect", "array_construct", "array_append", "array_concat",
            "generate_schema_name", "generate_alias_name", "generate_database_name", "get_where_subquery",
            "test_unique", "test_not_null", "test_accepted_values", "test_relationships",
        ];
        foreach (var name in dispatched)
        {
            Assert.Contains(name, names);
            Assert.Contains("default__" + name, names);
        }

        Assert.Contains("postgres__datediff", names);
        Assert.Contains("duckdb__datediff", names);
        Assert.Contains("fabric__split_part", names);
        Assert.Contains("sqlserver__listagg", names);
    }

    [Fact]
    public void Dispatch_ProjectImplementsTheAdapterVariant_ProjectWins()
    {
        var renderer = new DialectRenderer("postgres", "{% macro postgres__concat(fields) %}{{ fields | join(' + ') }}{% endmacro %}");

        Assert.Equal("a + b", renderer.Render("{{ dbt.concat(['a', 'b']) }}"));
        Assert.Contains("macro.dbt.concat", renderer.Called);
        Assert.Contains("macro.fixture.postgres__concat", renderer.Called);
    }

    [Fact]
    public void Dispatch_SqlServer_FallsBackToFabricThenDefault()
    {
        var renderer = new DialectRenderer("sqlserver");

        Assert.Equal("charindex('-', s) right(s, 1)", renderer.Render("{{ dbt.position(\"'-'\", 's') }} {{ dbt.right('s', 1) }}"));
        Assert.Contains("macro.dbt.fabric__position", renderer.Called);
        Assert.Contains("macro.dbt.default__right", renderer.Called);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlserver")]
    public void GenericTests_EveryDialect_SelectTheFailingRows(string adapter)
    {
        var renderer = new DialectRenderer(adapter);

        Assert.Equal(
            "select\n    id as unique_field,\n    count(*) as n_records\nfrom t\nwhere id is not null\ngroup by id\nhaving count(*) > 1",
            renderer.Render("{{ test_unique(model='t', column_name='id') }}"));
        Assert.Equal("select id\nfrom t\nwhere id is null", renderer.Render("{{ test_not_null(model='t', column_name='id') }}"));
        Assert.Equal(
            "with all_values as (\n    select\n        c as value_field,\n        count(*) as n_records\n    from t\n    group by c\n)\n"
            + "select *\nfrom all_values\nwhere value_field not in ('a', 'b''c')",
            renderer.Render("{{ test_accepted_values(model='t', column_name='c', values=['a', \"b'c\"]) }}"));
        Assert.EndsWith("where value_field not in (1, 2)", renderer.Render("{{ test_accepted_values('t', 'c', [1, 2], quote=false) }}"), StringComparison.Ordinal);
        Assert.Equal(
            "with child as (\n    select pid as from_field\n    from t\n    where pid is not null\n),\nparent as (\n    select id as to_field\n    from p\n)\n"
            + "select child.from_field\nfrom child\nleft join parent on child.from_field = parent.to_field\nwhere parent.to_field is null",
            renderer.Render("{{ test_relationships(model='t', column_name='pid', to='p', field='id') }}"));
    }

    [Fact]
    public void Parse_ProjectUsesDbtNamespaceAndOverridesSchemaName_IsValidAndCallsTheDefault()
    {
        Write("dbt_project.yml", "name: shop\nprofile: shop\nversion: '1.0'\nmodels:\n  shop:\n    marts:\n      +schema: marts\n");
        Write("macros/generate_schema_name.sql",
            "{% macro generate_schema_name(custom_schema_name, node) -%}\n"
            + "{%- if node.name == 'raw_orders' -%}landing{%- else -%}{{ default__generate_schema_name(custom_schema_name, node) | upper }}{%- endif -%}\n"
            + "{%- endmacro %}\n");
        Write("models/raw_orders.sql", "select 1 as id");
        Write("models/marts/orders.sql",
            "select {{ dbt.concat([\"'a'\", \"'b'\"]) }} as k, {{ dbt.hash('id') }} as h, cast(x as {{ dbt.type_string() }}) as s from {{ ref('raw_orders') }}");

        var result = new ProjectParser(new ParseOptions { Target = new TargetFacts("dev", "sqlserver", "css", "dbo"), Environment = _ => null })
            .Parse(_dir, TestContext.Current.CancellationToken);

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        var orders = result.Nodes.Single(n => n.UniqueId == "model.shop.orders");
        Assert.Equal("DBO_MARTS", orders.Schema);
        Assert.Equal("landing", result.Nodes.Single(n => n.UniqueId == "model.shop.raw_orders").Schema);
        Assert.Contains("macro.dbt.concat", orders.DependsOnMacros);
        Assert.Contains("macro.dbt.fabric__hash", orders.DependsOnMacros);
        Assert.Contains("macro.dbt.default__generate_schema_name", result.Macros);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
