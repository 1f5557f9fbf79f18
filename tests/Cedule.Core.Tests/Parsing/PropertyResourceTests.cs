using Cedule.Core.Diagnostics;

namespace Cedule.Core.Tests.Parsing;

/// <summary>Unit tests, semantic models, metrics and saved queries: parsed, checked, and in the manifest's own sections.</summary>
public sealed class PropertyResourceTests : IDisposable
{
    private readonly TempProject _project = new TempProject()
        .Write("models/stg_orders.sql", "select 1 as id, 10 as amount")
        .Write("models/orders_v1.sql", "select 1")
        .Write("models/orders_v2.sql", "select 2")
        .Write("models/_orders.yml", """
            models:
              - name: orders
                versions: [{v: 1}, {v: 2}]
            unit_tests:
              - name: keeps_amount
                model: orders
                versions: {exclude: [1]}
                given:
                  - input: ref('stg_orders')
                    rows: [{id: 1, amount: 10}]
                expect:
                  rows: [{id: 1, amount: 10}]
              - name: stg_passthrough
                model: stg_orders
                config: {tags: [unit]}
                given: []
                expect:
                  format: csv
                  rows: |
                    id,amount
                    1,10
            semantic_models:
              - name: orders_sm
                model: ref('stg_orders')
                entities: [{name: order, type: primary, expr: id}]
                measures: [{name: revenue, agg: sum, expr: amount}]
            metrics:
              - name: revenue
                label: Revenue
                type: simple
                type_params: {measure: revenue}
              - name: revenue_growth
                label: Growth
                type: derived
                type_params: {expr: revenue * 2, metrics: [{name: revenue}]}
            saved_queries:
              - name: weekly
                query_params: {metrics: [revenue_growth], group_by: ["TimeDimension('order__ordered_at', 'week')"]}
            """);

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Parse_UnitTests_BecomeNodesOnTheirModelAndKeptVersions()
    {
        var result = _project.Parse();

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        var unitTests = result.Nodes.Where(n => n.ResourceType == "unit_test").ToList();
        Assert.Equal(["unit_test.shop.orders.keeps_amount_v2", "unit_test.shop.stg_orders.stg_passthrough"], unitTests.Select(n => n.UniqueId));
        Assert.Equal(["model.shop.orders.v2"], unitTests[0].DependsOnNodes);
        Assert.Equal(["shop", "stg_orders", "stg_passthrough"], unitTests[1].Fqn);
        Assert.Equal(["unit"], unitTests[1].Tags);
    }

    [Fact]
    public void Parse_SemanticResources_DependOnWhatTheyName()
    {
        var result = _project.Parse();

        Assert.Equal(["model.shop.stg_orders"], result.Nodes.Single(n => n.UniqueId == "semantic_model.shop.orders_sm").DependsOnNodes);
        Assert.Equal(["semantic_model.shop.orders_sm"], result.Nodes.Single(n => n.UniqueId == "metric.shop.revenue").DependsOnNodes);
        Assert.Equal(["metric.shop.revenue"], result.Nodes.Single(n => n.UniqueId == "metric.shop.revenue_growth").DependsOnNodes);
        Assert.Equal(["metric.shop.revenue_growth"], result.Nodes.Single(n => n.UniqueId == "saved_query.shop.weekly").DependsOnNodes);
    }

    [Fact]
    public void Manifest_HasEachResourceInItsOwnSection()
    {
        var result = _project.Parse();
        using var json = TempProject.Manifest(result);
        var root = json.RootElement;
        Assert.Equal("orders", root.GetProperty("unit_tests").GetProperty("unit_test.shop.orders.keeps_amount_v2").GetProperty("model").GetString());
        Assert.Equal("ref('stg_orders')", root.GetProperty("unit_tests").GetProperty("unit_test.shop.orders.keeps_amount_v2").GetProperty("given")[0].GetProperty("input").GetString());
        Assert.Equal("simple", root.GetProperty("metrics").GetProperty("metric.shop.revenue").GetProperty("type").GetString());
        Assert.True(root.GetProperty("semantic_models").TryGetProperty("semantic_model.shop.orders_sm", out _));
        Assert.True(root.GetProperty("saved_queries").TryGetProperty("saved_query.shop.weekly", out _));
        Assert.False(root.GetProperty("nodes").TryGetProperty("metric.shop.revenue", out _));
    }

    [Fact]
    public void Parse_InvalidDefinitions_AreReportedWithTheirEntry()
    {
        _project.Write("models/_broken.yml", """
            unit_tests:
              - name: no_model
                given: []
                expect: {rows: []}
              - name: bad_format
                model: stg_orders
                given: [{input: "ref('x')", format: json}]
                expect: {rows: []}
              - name: missing_model
                model: nope
                expect: {rows: []}
            metrics:
              - name: broken_metric
                label: Broken
                type: simple
                type_params: {measure: nothing}
            """);

        var result = _project.Parse();

        var problems = result.Diagnostics.Where(d => d.Location.Path == "models/_broken.yml").Select(d => (d.Code, d.Location.Line)).ToList();
        Assert.Equal([(DiagnosticCodes.YamlShape, 2), (DiagnosticCodes.YamlShape, 5), (DiagnosticCodes.RefNotFound, 9), (DiagnosticCodes.RefNotFound, 13)], problems);
    }
}
