using System.Text.Json;
using Cedule.Core.Diagnostics;
using Cedule.Core.Graph;
using Cedule.Core.Manifest;
using Cedule.Core.Parsing;
using Cedule.Core.Selection;

namespace Cedule.Core.Tests.Parsing;

/// <summary>Model versions as dbt 1.5+ defines them: files, unique ids, aliases, refs, tests and selection.</summary>
public sealed class VersionedModelTests : IDisposable
{
    private readonly TempProject _project = new TempProject()
        .Write("models/dim_customers_v1.sql", "select 1 as id, 'a' as country_name")
        .Write("models/dim_customers_v2.sql", "select 1 as id")
        .Write("models/dim_customers_beta.sql", "select 1 as id, 3 as score")
        .Write("models/orders.sql", "select * from {{ ref('dim_customers') }} join {{ ref('dim_customers', v=1) }} join {{ ref('dim_customers', version='3') }}")
        .Write("models/_customers.yml", """
            models:
              - name: dim_customers
                description: Customers
                latest_version: 2
                config:
                  materialized: table
                  tags: [customers]
                data_tests:
                  - dbt_utils.expression_is_true:
                      expression: "id > 0"
                columns:
                  - name: id
                    data_tests: [unique]
                  - name: country_name
                versions:
                  - v: 2
                    columns:
                      - include: all
                        exclude: [country_name]
                  - v: 1
                    description: Customers (old)
                    config:
                      tags: [deprecated]
                  - v: 3
                    defined_in: dim_customers_beta
                    data_tests: []
                    columns:
                      - include: [id]
                      - name: score
            """);

    public void Dispose() => _project.Dispose();

    private static ManifestNode Node(ParseResult result, string id) => result.Nodes.Single(n => n.UniqueId == id);

    [Fact]
    public void Parse_Versions_BecomeOneNodePerVersionNamedAfterTheModel()
    {
        var result = _project.Parse();

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal(
            ["model.shop.dim_customers.v1", "model.shop.dim_customers.v2", "model.shop.dim_customers.v3", "model.shop.orders"],
            result.Nodes.Where(n => n.ResourceType == "model").Select(n => n.UniqueId));
        var v2 = Node(result, "model.shop.dim_customers.v2");
        Assert.Equal("dim_customers", v2.Name);
        Assert.Equal(["shop", "dim_customers", "v2"], v2.Fqn);
        Assert.Equal("dim_customers_v2", v2.Alias);
        Assert.Equal(2L, v2.LatestVersion);
        Assert.Equal("table", v2.Materialized);
        Assert.Equal(["id"], v2.Columns.KeysList().Select(k => (string)k!));
        Assert.Equal("Customers", v2.Description);
        var v1 = Node(result, "model.shop.dim_customers.v1");
        Assert.Equal("Customers (old)", v1.Description);
        Assert.Equal(["customers", "deprecated"], v1.Tags);
        Assert.Equal(["id", "country_name"], v1.Columns.KeysList().Select(k => (string)k!));
        Assert.Equal(["id", "score"], Node(result, "model.shop.dim_customers.v3").Columns.KeysList().Select(k => (string)k!));
        Assert.Equal("models/dim_customers_beta.sql", Node(result, "model.shop.dim_customers.v3").OriginalFilePath);
    }

    [Fact]
    public void Parse_Refs_UnpinnedResolvesToTheLatestAndPinnedToTheVersion()
    {
        var result = _project.Parse();

        Assert.Equal(
            ["model.shop.dim_customers.v2", "model.shop.dim_customers.v1", "model.shop.dim_customers.v3"],
            Node(result, "model.shop.orders").DependsOnNodes);
    }

    [Fact]
    public void Parse_GenericTests_ApplyPerVersionUnlessTheVersionListsItsOwn()
    {
        var result = _project.Parse();

        var tests = result.Nodes.Where(n => n.ResourceType == "test").Select(n => n.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("unique_dim_customers_v1_id", tests);
        Assert.Contains("unique_dim_customers_v2_id", tests);
        Assert.Contains("unique_dim_customers_v3_id", tests);
        Assert.Equal(2, tests.Count(t => t.StartsWith("dbt_utils_expression_is_true_dim_customers_v", StringComparison.Ordinal)));
        var unique = result.Nodes.Single(n => n.Name == "unique_dim_customers_v1_id");
        Assert.Equal(["model.shop.dim_customers.v1"], unique.DependsOnNodes);
        Assert.Equal("{{ get_where_subquery(ref('dim_customers', version=1)) }}", unique.TestMetadata!.Kwargs["model"]);
    }

    [Fact]
    public void Select_VersionMethodAndDottedName_MatchAsDbtDoes()
    {
        var result = _project.Parse();
        var dag = ProjectGraph.Build(result);

        string[] Select(string expression) => [.. NodeSelector.Select(dag, new SelectionCriteria { Select = [expression], ResourceTypes = [NodeType.Model] }).UniqueIds];

        Assert.Equal(["model.shop.dim_customers.v2"], Select("version:latest"));
        Assert.Equal(["model.shop.dim_customers.v3"], Select("version:prerelease"));
        Assert.Equal(["model.shop.dim_customers.v1"], Select("version:old"));
        Assert.Equal(["model.shop.orders"], Select("version:none"));
        Assert.Equal(["model.shop.dim_customers.v2"], Select("dim_customers.v2"));
        Assert.Equal(["model.shop.dim_customers.v2"], Select("dim_customers_v2"));
        Assert.Equal(3, Select("dim_customers").Length);
    }

    [Fact]
    public void Manifest_VersionedModel_CarriesVersionAndLatestVersion()
    {
        var result = _project.Parse();
        using var json = TempProject.Manifest(result);
        var v1 = json.RootElement.GetProperty("nodes").GetProperty("model.shop.dim_customers.v1");
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.Equal(2, v1.GetProperty("latest_version").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("nodes").GetProperty("model.shop.orders").GetProperty("version").ValueKind);
    }

    [Fact]
    public void Parse_LatestVersionInUnsuffixedFile_AndMissingVersionFile_AndUnknownPinnedVersion()
    {
        using var project = new TempProject()
            .Write("models/stg_pay.sql", "select 2")
            .Write("models/stg_pay_v1.sql", "select 1")
            .Write("models/report.sql", "select * from {{ ref('stg_pay', v=9) }}")
            .Write("models/_pay.yml", "models:\n  - name: stg_pay\n    versions:\n      - v: 1\n      - v: 2\n      - v: 0\n        defined_in: gone\n");

        var result = project.Parse();

        Assert.Equal("models/stg_pay.sql", Node(result, "model.shop.stg_pay.v2").OriginalFilePath);
        Assert.Equal("stg_pay_v2", Node(result, "model.shop.stg_pay.v2").Alias);
        var missing = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.PatchTargetMissing);
        Assert.Equal(("models/_pay.yml", 6), (missing.Location.Path, missing.Location.Line));
        Assert.Contains("gone.sql", missing.Message, StringComparison.Ordinal);
        var refError = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.RefNotFound);
        Assert.Contains("version 9 of 'stg_pay'", refError.Message, StringComparison.Ordinal);
        Assert.Contains("versions: 1, 2", refError.Message, StringComparison.Ordinal);
    }
}
