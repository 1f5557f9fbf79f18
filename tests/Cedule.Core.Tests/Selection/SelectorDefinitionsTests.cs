using Cedule.Core.Diagnostics;
using Cedule.Core.Selection;
using static Cedule.Core.Tests.Selection.SchoolBoardGraph;

namespace Cedule.Core.Tests.Selection;

public sealed class SelectorDefinitionsTests
{
    private const string Yaml = """
        selectors:
          - name: staging_only
            description: Modèles de staging
            definition: 'path:models/staging'
          - name: nightly
            definition:
              tag: daily
          - name: marts_sans_versions
            default: true
            definition:
              union:
                - method: fqn
                  value: marts
                  children: false
                - exclude:
                    - method: version
                      value: old
                    - 'version:prerelease'
          - name: staging_et_enfants
            definition:
              method: tag
              value: staging
              children: true
              children_depth: 1
              indirect_selection: cautious
              exclude:
                - stg_absences
          - name: nightly_core
            definition:
              intersection:
                - method: selector
                  value: nightly
                - package: core
          - name: amont_rpt
            definition:
              method: fqn
              value: rpt_tableau_bord
              parents: true
              parents_depth: 1
          - name: famille_absences
            definition:
              method: source
              value: raw.absences
              childrens_parents: true
              indirect_selection: empty
          - name: priorite
            definition:
              config.meta.priority: 1
          - name: raccourci
            definition:
              selector: staging_only
        """;

    private static readonly SelectorDefinitions Definitions = SelectorDefinitions.Parse(Yaml, "selectors.yml");

    private static IReadOnlyList<string> Run(string selector, IndirectSelection mode = IndirectSelection.Eager)
    {
        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria { Selector = selector, Selectors = Definitions, IndirectSelection = mode });
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal(selector, result.SelectorName);
        return result.UniqueIds;
    }

    private static void AssertSelects(IReadOnlyList<string> actual, params string[] expected) =>
        Assert.Equal(Sorted(expected), Sorted(actual));

    [Fact]
    public void Parse_ValidFile_ReadsEverySelector()
    {
        Assert.Empty(Definitions.Diagnostics);
        Assert.Equal(
            ["staging_only", "nightly", "marts_sans_versions", "staging_et_enfants", "nightly_core", "amont_rpt", "famille_absences", "priorite", "raccourci"],
            Definitions.Selectors.Select(s => s.Name));
        Assert.Equal("Modèles de staging", Definitions.Selectors[0].Description);
        Assert.Equal(new SourceLocation("selectors.yml", 2, 11), Definitions.Selectors[0].Location);
        Assert.Equal("marts_sans_versions", Definitions.Default?.Name);
    }

    [Fact]
    public void CliStyleString_SelectsLikeTheCommandLine() =>
        AssertSelects(Run("staging_only"), StgEleves, StgAbsences, TestUniqueStgEleves, TestNotNullStgAbsences, TestRelationships);

    [Fact]
    public void KeyValue_SelectsLikeMethodColonValue() => Assert.Equal(Select("tag:daily"), Run("nightly"));

    [Fact]
    public void UnionWithExclude_RemovesTheExclusionLast() =>
        AssertSelects(Run("marts_sans_versions"), FctAbsences, DimV2, UnitTest, Metric, SemanticModel, SavedQuery,
            TestAcceptedValues, TestExpression, TestUniqueDimV2, TestSingular, TestRptCoversDim);

    [Fact]
    public void FullDefinition_ChildrenDepthIndirectSelectionAndExclude_AreApplied() =>
        AssertSelects(Run("staging_et_enfants"), StgEleves, IntPresences, Snapshot, TestUniqueStgEleves, DimV1, DimV2, DimV3, TestUniqueDimV2);

    [Fact]
    public void SelectorMethod_ReusesAnEarlierSelector() =>
        AssertSelects(Run("nightly_core"), StgEleves, TestUniqueStgEleves, TestRelationships);

    [Fact]
    public void SelectorShorthand_ReusesAnEarlierSelector() => Assert.Equal(Run("staging_only"), Run("raccourci"));

    [Fact]
    public void ParentsDepth_SelectsDirectParents() =>
        AssertSelects(Run("amont_rpt"), Rpt, FctAbsences, DimV2, TestRptCoversDim, TestAcceptedValues, TestExpression, TestSingular, UnitTest, TestUniqueDimV2);

    [Fact]
    public void ChildrensParents_WithEmptyIndirectSelection_AddsNoAttachedTests()
    {
        var expected = Select("@source:raw.absences", mode: IndirectSelection.Empty);
        Assert.Equal(expected, Run("famille_absences"));
        Assert.DoesNotContain(TestUniqueStgEleves, expected);
        Assert.Contains(StgEleves, expected);
    }

    [Fact]
    public void YamlValue_KeepsItsType_SoAnIntegerConfigMatches() =>
        AssertSelects(Run("priorite"), FctAbsences, TestAcceptedValues, TestExpression, TestSingular, UnitTest);

    [Fact]
    public void DefaultSelector_AppliesWithoutSelectOrExclude()
    {
        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria { Selectors = Definitions });

        Assert.Equal("marts_sans_versions", result.SelectorName);
        Assert.Equal(Run("marts_sans_versions"), result.UniqueIds);
    }

    [Fact]
    public void DefaultSelector_IsIgnoredWhenSelectOrExcludeIsGiven()
    {
        var withSelect = NodeSelector.Select(SchoolDag, new SelectionCriteria { Selectors = Definitions, Select = ["stg_eleves"] });
        var withExclude = NodeSelector.Select(SchoolDag, new SelectionCriteria { Selectors = Definitions, Exclude = ["package:css_centre"] });

        Assert.Null(withSelect.SelectorName);
        Assert.Equal(Select("stg_eleves"), withSelect.UniqueIds);
        Assert.Equal(Select(exclude: "package:css_centre"), withExclude.UniqueIds);
    }

    [Fact]
    public void SelectorFromCommandLine_SelectorMethod_UsesTheDefinitions()
    {
        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria { Selectors = Definitions, Select = ["selector:nightly,package:core"] });

        Assert.Equal(Run("nightly_core"), result.UniqueIds);
    }

    [Fact]
    public void Selector_WithSelect_WarnsThatSelectIsIgnored()
    {
        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria { Selectors = Definitions, Selector = "nightly", Select = ["stg_eleves"] });

        Assert.Equal(Run("nightly"), result.UniqueIds);
        Assert.Equal(Severity.Warning, Assert.Single(result.Diagnostics).Severity);
    }

    [Fact]
    public void Selector_Unknown_IsAnErrorListingTheKnownOnes()
    {
        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria { Selectors = Definitions, Selector = "nocturne" });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.SelectorDefinition, error.Code);
        Assert.StartsWith("no selector named 'nocturne' in selectors.yml (defined: staging_only, nightly,", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.UniqueIds);
    }

    [Fact]
    public void SelectorMethod_Unknown_IsAnError()
    {
        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria { Select = ["selector:nightly"] });

        Assert.Equal("no selector named 'nightly' in selectors.yml (none is defined)", Assert.Single(result.Diagnostics).Message);
    }

    [Fact]
    public void InvalidValueInYaml_IsReportedAtItsYamlPosition()
    {
        var definitions = SelectorDefinitions.Parse("selectors:\n  - name: x\n    definition:\n      test_type: bogus\n", "selectors.yml");
        Assert.Empty(definitions.Diagnostics);

        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria { Selectors = definitions, Selector = "x" });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(new SourceLocation("selectors.yml", 4, 18), error.Location);
        Assert.StartsWith("invalid selector 'test_type:bogus'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CautiousCriteriaInAYamlUnion_CompleteTestsReferencingBoth()
    {
        // dbt-core 1.9 evaluates YAML unions eagerly and would leave the relationships test out;
        // Cedule completes it as the command line does ("tests that ONLY refer to selected nodes").
        var definitions = SelectorDefinitions.Parse(
            """
            selectors:
              - name: deux
                definition:
                  union:
                    - {method: fqn, value: stg_eleves, indirect_selection: cautious}
                    - {method: fqn, value: stg_absences, indirect_selection: cautious}
            """,
            "selectors.yml");

        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria { Selectors = definitions, Selector = "deux" });

        AssertSelects(result.UniqueIds, StgEleves, StgAbsences, TestUniqueStgEleves, TestNotNullStgAbsences, TestRelationships);
    }

    [Fact]
    public void EmptyFile_HasNoSelectors()
    {
        var definitions = SelectorDefinitions.Parse("", "selectors.yml");

        Assert.Empty(definitions.Selectors);
        Assert.Empty(definitions.Diagnostics);
        Assert.Null(definitions.Default);
    }
}
