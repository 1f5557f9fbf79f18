using Cedule.Jinja.Values;

namespace Cedule.Jinja.Tests.Runtime;

/// <summary>The hooks the dbt layer builds on: modules, return(), block tags, host callables, resolvers.</summary>
public sealed class HostHooksTests
{
    [Fact]
    public void MacroReturn_FromHostReturnFunction_MakesTheMacroReturnAValue()
    {
        var env = new Environment();
        env.AddGlobal("return", MacroReturn.Function);
        var template = env.FromString(
            "{% macro pick() %}ignored{{ return([1, 2]) }}never{% endmacro %}{% set v = pick() %}{{ v[1] }}|{{ v }}");
        Assert.Equal("2|[1, 2]", template.Render(null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void MacroReturn_OutsideAMacro_IsARuntimeError()
    {
        var env = new Environment();
        env.AddGlobal("return", MacroReturn.Function);
        var error = Assert.Throws<TemplateException>(() => env.FromString("{{ return(1) }}").Render(null, TestContext.Current.CancellationToken));
        Assert.Equal(ErrorKind.TemplateRuntimeError, error.Kind);
    }

    [Fact]
    public void MakeModule_MacrosCanBeCalledFromAnotherRender()
    {
        var env = new Environment();
        var library = env.FromString("{% macro greet(name) %}Hi {{ name }} from {{ origin }}{% endmacro %}", "lib.sql");
        var macros = library.GetMacros();
        Assert.True(macros.ContainsKey("greet"));
        var output = env.FromString("{{ greet('x') }}").Render(new Dictionary<string, object?>
        {
            ["greet"] = macros["greet"],
            ["origin"] = "caller",
        }, TestContext.Current.CancellationToken);

        // Names the macro does not define resolve in the render that calls it, as dbt expects.
        Assert.Equal("Hi x from caller", output);
    }

    [Fact]
    public void MakeModule_MacrosFromManyTemplatesShareOneNamespace()
    {
        var env = new Environment();
        var shared = new Dictionary<string, object?>();
        foreach (var source in new[] { "{% macro a() %}A{{ b() }}{% endmacro %}", "{% macro b() %}B{% endmacro %}" })
        {
            foreach (var pair in env.FromString(source).MakeModule(cancellationToken: TestContext.Current.CancellationToken).Macros)
            {
                shared[pair.Key] = pair.Value;
            }
        }

        Assert.Equal("AB", env.FromString("{{ a() }}").Render(shared, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void MakeModule_ExposesVariablesAndWorksAsAnImportedModule()
    {
        var env = new Environment();
        var module = env.FromString("{% set answer = 42 %}{% macro m() %}M{% endmacro %}body").MakeModule(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(42L, module.Variables["answer"]);
        Assert.Equal("body", module.Output);
        Assert.Equal("M42", env.FromString("{{ mod.m() }}{{ mod.answer }}").Render(new Dictionary<string, object?> { ["mod"] = module }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void HostCallable_ReceivesCallerAndRendersTheCallBody()
    {
        var env = new Environment();
        var seen = new List<object?>();
        env.AddFunction("statement", (runtime, arguments) =>
        {
            seen.Add(arguments.Positional[0]);
            Assert.True(arguments.TryGetKeyword("fetch_result", out var fetch));
            Assert.Equal(true, fetch);
            Assert.True(arguments.TryGetKeyword("caller", out var caller));
            var sql = runtime.Call(caller, Arguments.Empty);
            return $"<{sql}>";
        });
        var output = env.FromString("{% call statement('main', fetch_result=True) %}select {{ 1 + 1 }}{% endcall %}").Render(null, TestContext.Current.CancellationToken);
        Assert.Equal("<select 2>", output);
        Assert.Equal(["main"], seen);
    }

    [Fact]
    public void Resolver_SuppliesLazyVariables()
    {
        var env = new Environment();
        var asked = new List<string>();
        bool Resolve(string name, out object? value)
        {
            asked.Add(name);
            value = name == "this" ? "db.schema.model" : null;
            return name == "this";
        }

        var output = new System.Text.StringBuilder();
        env.FromString("{{ this }}[{{ other }}]").RenderTo(output, null, Resolve, TestContext.Current.CancellationToken);
        Assert.Equal("db.schema.model[]", output.ToString());
        Assert.Contains("other", asked);
    }

    private static Environment DbtEnvironment()
    {
        var env = new Environment();
        env.AddBlockTag(new BlockTagDefinition("test", BlockTagBody.Macro, header => "test_" + header.Name));
        env.AddBlockTag(new BlockTagDefinition(
            "materialization",
            BlockTagBody.Macro,
            header => $"materialization_{header.Name}_{header.GetKeyword("adapter") ?? (header.Arguments.Count > 0 ? header.Arguments[0] : "default")}"));
        env.AddBlockTag(new BlockTagDefinition("snapshot", BlockTagBody.Macro, header => "snapshot_" + header.Name));
        env.AddBlockTag(new BlockTagDefinition("docs", BlockTagBody.Raw));
        return env;
    }

    [Fact]
    public void BlockTag_Test_DefinesAMacroWithTheSignature()
    {
        var template = DbtEnvironment().FromString(
            "{% test not_null(model, column_name) %}select * from {{ model }} where {{ column_name }} is null{% endtest %}");
        var instance = Assert.Single(template.BlockTags);
        Assert.Equal("test_not_null", instance.MacroName);
        Assert.Equal(["model", "column_name"], instance.Header.Parameters);
        var macro = template.GetMacros()["test_not_null"];
        var output = template.Environment.FromString("{{ t('orders', 'id') }}").Render(new Dictionary<string, object?> { ["t"] = macro }, TestContext.Current.CancellationToken);
        Assert.Equal("select * from orders where id is null", output);
    }

    [Fact]
    public void BlockTag_Materialization_ParsesNameAndKeywordArguments()
    {
        var template = DbtEnvironment().FromString(
            "{% materialization table, adapter='duckdb', supported_languages=['sql'] %}create {{ 1 }}{% endmaterialization %}" +
            "{% materialization view, default %}v{% endmaterialization %}");
        Assert.Equal("materialization_table_duckdb", template.BlockTags[0].MacroName);
        Assert.Equal(new List<object?> { "sql" }, template.BlockTags[0].Header.GetKeyword("supported_languages"));
        Assert.Equal("materialization_view_default", template.BlockTags[1].MacroName);
        Assert.Equal("create 1", Render(template, "materialization_table_duckdb"));
    }

    private static string Render(Template template, string macro) =>
        template.Environment.FromString("{{ m() }}").Render(new Dictionary<string, object?> { ["m"] = template.GetMacros()[macro] }, TestContext.Current.CancellationToken);

    [Fact]
    public void BlockTag_Snapshot_BodyIsRenderedThroughItsMacro()
    {
        var template = DbtEnvironment().FromString("{% snapshot orders_snap %}select {{ 40 + 2 }}{% endsnapshot %}");
        Assert.Equal("snapshot_orders_snap", template.BlockTags[0].MacroName);
        Assert.Equal("select 42", Render(template, "snapshot_orders_snap"));
        Assert.Equal(string.Empty, template.Render(null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void BlockTag_Docs_KeepsTheRawBodyAndRendersNothing()
    {
        var template = DbtEnvironment().FromString("a{% docs orders %}The **orders** {{ not_rendered }} {% if %}{% enddocs %}b");
        Assert.Equal("ab", template.Render(null, TestContext.Current.CancellationToken));
        var instance = Assert.Single(template.BlockTags);
        Assert.Equal("orders", instance.Header.Name);
        Assert.Equal("The **orders** {{ not_rendered }} {% if %}", instance.RawBody);
    }

    [Fact]
    public void BlockTag_Unregistered_IsAnUnknownTag()
    {
        var error = Assert.Throws<TemplateException>(() => new Environment().FromString("{% test x() %}{% endtest %}"));
        Assert.Equal("Encountered unknown tag 'test'.", error.Detail);
    }
}
