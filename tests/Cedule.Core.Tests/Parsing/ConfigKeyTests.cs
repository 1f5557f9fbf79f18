using Cedule.Core.Diagnostics;

namespace Cedule.Core.Tests.Parsing;

/// <summary>Unknown config keys in property files are warnings at their position; adapter keys and dbt_project.yml custom configs are not.</summary>
public sealed class ConfigKeyTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Parse_UnknownConfigKeys_WarnAtTheKeyAndKeepTheValue()
    {
        _project
            .Write("dbt_project.yml", "name: shop\nversion: \"1.0.0\"\nconfig-version: 2\nmodels:\n  shop:\n    +owner_team: finance\n")
            .Write("models/orders.sql", "select 1 as id")
            .Write("models/customers.sql", "select 1 as id")
            .Write("models/_models.yml", """
                models:
                  - name: orders
                    config:
                      materialised: table
                      as_columnstore: false
                      indexes: [{columns: [id]}]
                      incremental_strategy: merge
                    columns:
                      - name: id
                        data_tests:
                          - unique:
                              config:
                                severity: warn
                                sevrity: error
                  - name: customers
                    config:
                      +post-hook: "select 1"
                      contract: {enforced: false}
                sources:
                  - name: raw
                    config:
                      freshnes: {warn_after: {count: 1, period: day}}
                    tables:
                      - name: payments
                """);

        var result = _project.Parse();

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        var warnings = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.UnknownConfigKey)
            .Select(d => (d.Location.Line, d.Location.Column, d.Message.Split(' ')[0])).ToList();
        Assert.Equal([(4, 7, "'materialised'"), (14, 17, "'sevrity'"), (22, 7, "'freshnes'")], warnings);
        Assert.Equal("table", result.Nodes.Single(n => n.UniqueId == "model.shop.orders").Config["materialised"]);
        Assert.Equal("finance", result.Nodes.Single(n => n.UniqueId == "model.shop.orders").Config["owner_team"]);
        Assert.All(result.Diagnostics.Where(d => d.Code == DiagnosticCodes.UnknownConfigKey), d => Assert.Equal("models/_models.yml", d.Location.Path));
    }
}
