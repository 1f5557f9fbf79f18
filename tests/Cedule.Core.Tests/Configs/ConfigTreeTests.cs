using Cedule.Core.Configs;
using Cedule.Core.Yaml;
using Cedule.Jinja.Values;

namespace Cedule.Core.Tests.Configs;

public sealed class ConfigTreeTests
{
    private static ProjectConfigTree Tree(string yaml) =>
        new(((PyDict)YamlValues.ToValue(YamlReader.Read(yaml, "dbt_project.yml"))!)["models"]);

    [Fact]
    public void ApplyTo_NestedFolders_MostSpecificWinsAndTagsAccumulate()
    {
        var tree = Tree("""
            models:
              +materialized: view
              +tags: [all]
              core:
                +enabled: false
                staging:
                  +schema: stg
                  tags: staging
                marts:
                  materialized: table
                  +meta: {owner: data}
                  fact_absences:
                    +enabled: true
                    +tags: [daily]
                    +meta: {tier: 1}
            """);

        var staging = new PyDict();
        tree.ApplyTo(staging, ["core", "staging", "stg_eleves"]);
        Assert.Equal("{'materialized': 'view', 'tags': ['all', 'staging'], 'enabled': False, 'schema': 'stg'}", PyOps.Repr(staging));

        var fact = new PyDict();
        tree.ApplyTo(fact, ["core", "marts", "fact_absences"]);
        Assert.Equal(
            "{'materialized': 'table', 'tags': ['all', 'daily'], 'enabled': True, 'meta': {'owner': 'data', 'tier': 1}}",
            PyOps.Repr(fact));
    }

    [Fact]
    public void ApplyTo_OtherPackage_OnlyTopLevelApplies()
    {
        var tree = Tree("""
            models:
              +materialized: view
              core:
                +materialized: table
            """);
        var config = new PyDict();
        tree.ApplyTo(config, ["centre", "stg_x"]);

        Assert.Equal("view", config["materialized"]);
    }

    [Fact]
    public void Apply_Hooks_AreAppendedInOrderWithHyphenNamesNormalized()
    {
        var config = new PyDict();
        ConfigMerge.Apply(config, new PyDict { ["+post-hook"] = "a" });
        ConfigMerge.Apply(config, new PyDict { ["post_hook"] = new List<object?> { "b", "a" } });

        Assert.Equal("['a', 'b', 'a']", PyOps.Repr(config["post_hook"]));
    }

    [Fact]
    public void Apply_Grants_PlusPrefixAppendsOtherwiseClobbers()
    {
        var config = new PyDict();
        ConfigMerge.Apply(config, "grants", new PyDict { ["select"] = new List<object?> { "analyst" }, ["insert"] = new List<object?> { "etl" } });
        ConfigMerge.Apply(config, "grants", new PyDict { ["+select"] = new List<object?> { "bi" }, ["insert"] = new List<object?> { "loader" } });

        Assert.Equal("{'select': ['analyst', 'bi'], 'insert': ['loader']}", PyOps.Repr(config["grants"]));
    }
}
