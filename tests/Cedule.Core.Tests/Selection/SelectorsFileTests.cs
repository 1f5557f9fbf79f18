using Cedule.Core.Context;
using Cedule.Core.Diagnostics;
using Cedule.Core.Selection;
using Cedule.Jinja.Values;

namespace Cedule.Core.Tests.Selection;

/// <summary>selectors.yml rendered as dbt renders it: env_var, command-line var and target, natively.</summary>
public sealed class SelectorsFileTests
{
    private static readonly TargetFacts Prod = new("prod", "duckdb", "warehouse", "main");

    private static SelectorDefinitions Parse(string yaml, TargetFacts? target = null) =>
        SelectorsFile.Parse(yaml, "selectors.yml", target ?? Prod, new PyDict { ["nightly_tag"] = "nightly" },
            name => name == "CEDULE_TEST_SCOPE" ? "finance" : null);

    [Fact]
    public void Parse_TemplatedValues_AreRenderedWithEnvVarVarAndTarget()
    {
        var definitions = Parse("""
            selectors:
              - name: scheduled
                default: "{{ target.name == 'prod' }}"
                definition:
                  union:
                    - "tag:{{ var('nightly_tag') }}"
                    - method: path
                      value: "models/{{ env_var('CEDULE_TEST_SCOPE') }}"
            """);

        Assert.Empty(definitions.Diagnostics);
        var selector = Assert.Single(definitions.Selectors);
        Assert.True(selector.IsDefault);
        var criteria = Flatten(selector.Spec).OfType<CriterionSpec>().Select(c => $"{c.Method}:{c.Value}").ToList();
        Assert.Equal(["tag:nightly", "path:models/finance"], criteria);
        Assert.Null(Parse("selectors:\n  - name: s\n    default: \"{{ target.name == 'prod' }}\"\n    definition: tag:x\n", Prod with { Name = "dev" }).Default);
    }

    private static IEnumerable<SelectorSpec> Flatten(SelectorSpec spec) =>
        spec is SetSpec set ? set.Components.SelectMany(Flatten) : [spec];

    [Fact]
    public void Parse_TemplateError_IsLocatedAtTheValueAndOnlyItsSelectorIsLeftOut()
    {
        var definitions = Parse("""
            selectors:
              - name: broken
                definition:
                  method: tag
                  value: "{{ env_var('MISSING_VARIABLE') }}"
              - name: fine
                definition: tag:x
            """);

        var error = Assert.Single(definitions.Diagnostics);
        Assert.Equal(DiagnosticCodes.SelectorDefinition, error.Code);
        Assert.Equal(new SourceLocation("selectors.yml", 5, 14), error.Location);
        Assert.Contains("MISSING_VARIABLE", error.Message, StringComparison.Ordinal);
        Assert.Equal(["fine"], definitions.Selectors.Select(s => s.Name));
    }
}
