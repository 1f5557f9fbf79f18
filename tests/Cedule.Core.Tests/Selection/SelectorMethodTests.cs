using Cedule.Core.Diagnostics;
using Cedule.Core.Selection;
using Cedule.Core.Selection.Methods;
using static Cedule.Core.Tests.Selection.SchoolBoardGraph;

namespace Cedule.Core.Tests.Selection;

/// <summary>One test per method and form, on the school-board graph; expected sets are exact (order is checked elsewhere).</summary>
public sealed class SelectorMethodTests
{
    private static readonly string[] FctTests = [TestAcceptedValues, TestExpression, TestSingular, UnitTest];

    private static void AssertSelects(string select, params string[] expected) =>
        Assert.Equal(Sorted(expected), Sorted(Select(select)));

    private static Diagnostic SingleError(string select)
    {
        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria { Select = [select] });
        Assert.Empty(result.UniqueIds);
        return Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void Fqn_BareModelName_SelectsTheModelAndItsTests() =>
        AssertSelects("stg_eleves", StgEleves, TestUniqueStgEleves, TestRelationships);

    [Fact]
    public void Fqn_ExplicitMethodWithPackage_SelectsTheModel() =>
        AssertSelects("fqn:core.staging.stg_eleves", StgEleves, TestUniqueStgEleves, TestRelationships);

    [Fact]
    public void Fqn_Folder_SelectsEverythingUnderItAcrossPackages() =>
        AssertSelects("staging", StgEleves, StgAbsences, TestUniqueStgEleves, TestNotNullStgAbsences, TestRelationships);

    [Fact]
    public void Fqn_PackageName_SelectsThePackagesNodesButNotItsSources() =>
        AssertSelects("core", Ecoles, StgEleves, StgAbsences, IntPresences, Snapshot,
            TestUniqueStgEleves, TestNotNullStgAbsences, TestSourceNotNull, TestRelationships);

    [Fact]
    public void Fqn_WildcardSegment_MatchesTheRestOfTheName() =>
        AssertSelects("css_centre.marts.*", FctAbsences, DimV1, DimV2, DimV3, UnitTest, Metric, SemanticModel, SavedQuery,
            TestAcceptedValues, TestExpression, TestUniqueDimV2, TestSingular, TestRptCoversDim);

    [Fact]
    public void Fqn_WildcardAfterFolder_MatchesNamesInThatFolder() =>
        AssertSelects("staging.stg_*", StgEleves, StgAbsences, TestUniqueStgEleves, TestNotNullStgAbsences, TestRelationships);

    [Fact]
    public void Fqn_LeadingWildcardName_MustMatchTheWholeDottedTail()
    {
        // dbt 1.9 matches a wildcard against the rest of the dotted fqn: "stg_*" cannot match
        // "staging.stg_eleves", while "*stg_*" can.
        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria { Select = ["stg_*"] });
        Assert.Empty(result.UniqueIds);
        Assert.Equal(DiagnosticCodes.SelectorNoMatch, Assert.Single(result.Diagnostics).Code);
        AssertSelects("*stg_*", StgEleves, StgAbsences, TestUniqueStgEleves, TestNotNullStgAbsences, TestRelationships);
    }

    [Fact]
    public void Fqn_VersionedModelName_SelectsEveryVersion() =>
        AssertSelects("dim_eleves", DimV1, DimV2, DimV3, TestUniqueDimV2, TestSingular, TestRptCoversDim);

    [Theory]
    [InlineData("dim_eleves_v2")]
    [InlineData("dim_eleves.v2")]
    [InlineData("fqn:css_centre.marts.dim_eleves.v2")]
    public void Fqn_VersionedModelWithVersion_SelectsThatVersion(string select) =>
        AssertSelects(select, DimV2, TestUniqueDimV2, TestSingular, TestRptCoversDim);

    [Theory]
    [InlineData("p.a", true)]
    [InlineData("a.b", true)]
    [InlineData("a.*", true)]
    [InlineData("p.a.b", true)]
    [InlineData("p.b", false)]
    [InlineData("b", false)]
    public void Fqn_DottedSegment_SplitsIntoNamespaces(string selector, bool expected)
    {
        string[] fqn = ["p", "a.b"];
        var parts = selector.Split('.');

        Assert.Equal(expected, FqnMethod.IsSelected(fqn, 0, selector, parts, false) || FqnMethod.IsSelected(fqn, 1, selector, parts, false));
    }

    [Fact]
    public void Fqn_DisabledModel_IsNeverSelected()
    {
        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria { Select = ["old_model"] });
        Assert.Empty(result.UniqueIds);
        Assert.Equal("the selection criterion 'old_model' does not match any enabled nodes", Assert.Single(result.Diagnostics).Message);
    }

    [Fact]
    public void Tag_Name_SelectsTaggedNodesAndTheirTests() =>
        AssertSelects("tag:daily", [StgEleves, FctAbsences, TestUniqueStgEleves, TestRelationships, .. FctTests]);

    [Fact]
    public void Tag_OnSourcesAndTests_SelectsThem() =>
        AssertSelects("tag:raw", SrcEleves, SrcAbsences, TestSourceNotNull);

    [Fact]
    public void Tag_Wildcard_MatchesTags() => AssertSelects("tag:p?i", SrcEleves, TestSourceNotNull);

    [Fact]
    public void Source_SourceName_SelectsItsTablesAndTheirTests() =>
        AssertSelects("source:raw", SrcEleves, SrcAbsences, TestSourceNotNull);

    [Theory]
    [InlineData("source:raw.eleves")]
    [InlineData("source:core.raw.eleves")]
    [InlineData("source:*.r?w.el*")]
    public void Source_Table_SelectsThatTable(string select) => AssertSelects(select, SrcEleves, TestSourceNotNull);

    [Fact]
    public void Source_FourParts_IsAnError() =>
        Assert.Contains("invalid source selector value 'a.b.c.d'", SingleError("source:a.b.c.d").Message, StringComparison.Ordinal);

    [Fact]
    public void Path_Folder_SelectsFilesAndPropertyFilesUnderIt() =>
        AssertSelects("path:models/staging", StgEleves, StgAbsences, TestUniqueStgEleves, TestNotNullStgAbsences, TestRelationships);

    [Fact]
    public void Path_BareValueWithSlash_IsAPath() =>
        AssertSelects("models/staging/stg_eleves.sql", StgEleves, TestUniqueStgEleves, TestRelationships);

    [Fact]
    public void Path_PropertyFile_SelectsNodesDefinedOrPatchedThere() =>
        AssertSelects("path:models/marts/_marts.yml", [FctAbsences, DimV1, DimV2, DimV3, TestUniqueDimV2, TestRptCoversDim, .. FctTests]);

    [Theory]
    [InlineData("path:models/*/stg_*.sql")]
    [InlineData("path:./models/staging/stg_*.sql")]
    [InlineData("path:models\\staging\\stg_*.sql")]
    public void Path_Glob_MatchesSegments(string select) =>
        AssertSelects(select, StgEleves, StgAbsences, TestUniqueStgEleves, TestNotNullStgAbsences, TestRelationships);

    [Fact]
    public void Path_DoubleStar_SpansFolders() => AssertSelects("path:models/**/int_*.sql", IntPresences);

    [Fact]
    public void Path_StarDoesNotCrossFolders()
    {
        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria { Select = ["path:models/*.sql"] });
        Assert.Empty(result.UniqueIds);
    }

    [Fact]
    public void Path_IsRelativeToThePackageRoot()
    {
        // dbt compares original_file_path, which is relative to the package's own root.
        AssertSelects("path:seeds", Ecoles, Calendrier);
        Assert.Empty(NodeSelector.Select(SchoolDag, new SelectionCriteria { Select = ["path:dbt_packages/core/models"] }).UniqueIds);
    }

    [Theory]
    [InlineData("file:stg_eleves.sql")]
    [InlineData("stg_eleves.sql")]
    [InlineData("file:stg_eleves")]
    [InlineData("file:stg_el*.sql")]
    public void File_NameWithOrWithoutExtension_SelectsTheNode(string select) =>
        AssertSelects(select, StgEleves, TestUniqueStgEleves, TestRelationships);

    [Fact]
    public void File_CsvBareValue_SelectsTheSeed() => AssertSelects("ecoles.csv", Ecoles);

    [Fact]
    public void Package_Name_SelectsAllItsNodesIncludingSources() =>
        AssertSelects("package:core", SrcEleves, SrcAbsences, Ecoles, StgEleves, StgAbsences, IntPresences, Snapshot,
            TestUniqueStgEleves, TestNotNullStgAbsences, TestSourceNotNull, TestRelationships);

    [Fact]
    public void Package_This_IsTheRootProject()
    {
        var expected = SchoolDag.Nodes.Where(n => n.PackageName == "css_centre" && n.IsEnabled).Select(n => n.UniqueId);
        Assert.Equal(Sorted(expected), Sorted(Select("package:this")));
        Assert.Equal(Sorted(expected), Sorted(Select("package:css_*")));
    }

    [Fact]
    public void Config_Materialized_SelectsMatchingNodesAndTheirTests() =>
        AssertSelects("config.materialized:table", [FctAbsences, DimV1, DimV2, DimV3, TestUniqueDimV2, TestRptCoversDim, .. FctTests]);

    [Theory]
    [InlineData("config.unique_key:eleve_id")]
    [InlineData("config.access:private")]
    public void Config_ListMembershipAndPlainKeys_Match(string select) => AssertSelects(select, Rpt, TestRptCoversDim);

    [Theory]
    [InlineData("config.grants.select:reporter")]
    [InlineData("config.meta.contains_pii:true")]
    [InlineData("config.transient:TRUE")]
    [InlineData("config.meta.owner:equipe_donnees")]
    public void Config_NestedKeysAndBooleans_Match(string select) => AssertSelects(select, [FctAbsences, .. FctTests]);

    [Fact]
    public void Config_TagsList_MatchesMembership() =>
        AssertSelects("config.tags:daily", StgEleves, TestUniqueStgEleves, TestRelationships);

    [Fact]
    public void Config_NumberFromCommandLine_DoesNotEqualAnInteger()
    {
        // As in dbt 1.9: the command line gives the string "1", the config holds the integer 1.
        Assert.Empty(NodeSelector.Select(SchoolDag, new SelectionCriteria { Select = ["config.meta.priority:1"] }).UniqueIds);
    }

    [Theory]
    [InlineData("config.severity:warn")]
    [InlineData("config.severity:WARN")]
    public void Config_Severity_IsCaseInsensitive(string select) => AssertSelects(select, TestAcceptedValues);

    [Fact]
    public void Config_SeverityError_SelectsTheOtherTests() =>
        AssertSelects("config.severity:error", TestUniqueStgEleves, TestNotNullStgAbsences, TestSourceNotNull, TestRelationships,
            TestExpression, TestSingular, TestRptCoversDim, TestUniqueDimV2);

    [Fact]
    public void Config_WithoutKey_IsAnError() =>
        Assert.Contains("needs a config key", SingleError("config:table").Message, StringComparison.Ordinal);

    [Fact]
    public void TestName_GenericTestName_SelectsItsInstances() => AssertSelects("test_name:unique", TestUniqueStgEleves, TestUniqueDimV2);

    [Fact]
    public void TestName_IsTheMacroNameWithoutNamespace()
    {
        AssertSelects("test_name:expression_is_true", TestExpression);
        Assert.Empty(NodeSelector.Select(SchoolDag, new SelectionCriteria { Select = ["test_name:dbt_utils.expression_is_true"] }).UniqueIds);
    }

    [Fact]
    public void TestName_WildcardAndUnitTests_Match()
    {
        AssertSelects("test_name:not_*", TestNotNullStgAbsences, TestSourceNotNull);
        AssertSelects("test_name:test_calcul_*", UnitTest);
    }

    [Theory]
    [InlineData("generic", new[] { TestUniqueStgEleves, TestNotNullStgAbsences, TestSourceNotNull, TestRelationships, TestAcceptedValues, TestExpression, TestUniqueDimV2 })]
    [InlineData("schema", new[] { TestUniqueStgEleves, TestNotNullStgAbsences, TestSourceNotNull, TestRelationships, TestAcceptedValues, TestExpression, TestUniqueDimV2 })]
    [InlineData("singular", new[] { TestSingular, TestRptCoversDim })]
    [InlineData("data", new[] { TestUniqueStgEleves, TestNotNullStgAbsences, TestSourceNotNull, TestRelationships, TestAcceptedValues, TestExpression, TestUniqueDimV2, TestSingular, TestRptCoversDim })]
    [InlineData("unit", new[] { UnitTest })]
    public void TestType_Kind_SelectsThoseTests(string kind, string[] expected) => AssertSelects($"test_type:{kind}", expected);

    [Fact]
    public void TestType_PartOfAWord_IsAnError()
    {
        // dbt-core 1.9 tests `selector in ("data")`, a substring test on a string; Cedule wants the word.
        Assert.Contains("invalid test_type selector 'at'", SingleError("test_type:at").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TestType_Unknown_IsAnError() =>
        Assert.Equal(
            "invalid selector 'test_type:bogus': invalid test_type selector 'bogus': expected \"generic\", \"singular\", \"unit\", or \"data\"",
            SingleError("test_type:bogus").Message);

    [Fact]
    public void ResourceType_Seed_SelectsSeeds() => AssertSelects("resource_type:seed", Ecoles, Calendrier);

    [Fact]
    public void ResourceType_KnownButNotInGraph_SelectsNothingWithoutError()
    {
        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria { Select = ["resource_type:macro"] });
        Assert.True(result.Succeeded);
        Assert.Empty(result.UniqueIds);
    }

    [Fact]
    public void ResourceType_Unknown_IsAnError() =>
        Assert.StartsWith("invalid selector 'resource_type:modele': invalid resource_type selector 'modele': expected one of model, seed,", SingleError("resource_type:modele").Message, StringComparison.Ordinal);

    [Fact]
    public void Exposure_WithParents_SelectsEverythingUpstreamAndTheirTests() =>
        AssertSelects("+exposure:tableau_bord_direction", Exposure, Rpt, FctAbsences, DimV2, IntPresences, Calendrier, StgEleves, StgAbsences,
            SrcEleves, SrcAbsences, Ecoles, TestUniqueStgEleves, TestNotNullStgAbsences, TestRelationships, TestSourceNotNull,
            TestAcceptedValues, TestExpression, TestSingular, UnitTest, TestUniqueDimV2, TestRptCoversDim);

    [Theory]
    [InlineData("exposure:css_centre.tableau*", Exposure)]
    [InlineData("metric:taux_absence", Metric)]
    [InlineData("semantic_model:absences", SemanticModel)]
    [InlineData("saved_query:*", SavedQuery)]
    [InlineData("unit_test:css_centre.test_calcul_taux", UnitTest)]
    public void PackagedNameMethods_SelectTheirType(string select, string expected) => AssertSelects(select, expected);

    [Fact]
    public void Exposure_ThreeParts_IsAnError() =>
        Assert.Contains("expected exposure_name or package_name.exposure_name", SingleError("exposure:a.b.c").Message, StringComparison.Ordinal);

    [Fact]
    public void Version_Latest_SelectsTheLatestVersion() => AssertSelects("version:latest", DimV2, TestUniqueDimV2, TestSingular, TestRptCoversDim);

    [Fact]
    public void Version_OldAndPrerelease_CompareWithLatest()
    {
        AssertSelects("version:old", DimV1);
        AssertSelects("version:prerelease", DimV3);
    }

    [Fact]
    public void Version_None_SelectsUnversionedModels() =>
        AssertSelects("version:none", [StgEleves, StgAbsences, IntPresences, FctAbsences, Rpt, TestUniqueStgEleves, TestNotNullStgAbsences,
            TestRelationships, TestRptCoversDim, .. FctTests]);

    [Fact]
    public void Version_Unknown_IsAnError() => Assert.Contains("expected one of \"latest\"", SingleError("version:newest").Message, StringComparison.Ordinal);

    [Fact]
    public void Access_Levels_SelectModels()
    {
        AssertSelects("access:public", [FctAbsences, DimV2, TestUniqueDimV2, TestRptCoversDim, .. FctTests]);
        AssertSelects("access:private", Rpt, TestRptCoversDim);
        AssertSelects("access:protected", StgEleves, StgAbsences, IntPresences, DimV1, DimV3, TestUniqueStgEleves, TestNotNullStgAbsences, TestRelationships);
    }

    [Fact]
    public void Group_Name_SelectsModelsAndMetrics() => AssertSelects("group:assid*", [FctAbsences, Metric, .. FctTests]);

    [Theory]
    [InlineData("state:modified")]
    [InlineData("result:error+")]
    [InlineData("source_status:fresher+")]
    public void StateMethods_AreNotSupportedYet(string select)
    {
        var error = SingleError(select);
        Assert.Equal(DiagnosticCodes.SelectorUnsupported, error.Code);
        Assert.Contains("not supported yet", error.Message, StringComparison.Ordinal);
    }
}
