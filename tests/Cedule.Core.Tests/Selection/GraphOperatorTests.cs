using Cedule.Core.Diagnostics;
using Cedule.Core.Graph;
using Cedule.Core.Selection;
using static Cedule.Core.Tests.Selection.SchoolBoardGraph;

namespace Cedule.Core.Tests.Selection;

public sealed class GraphOperatorTests
{
    private static readonly string[] FctTests = [TestAcceptedValues, TestExpression, TestSingular, UnitTest];

    private static void AssertSelects(string select, params string[] expected) =>
        Assert.Equal(Sorted(expected), Sorted(Select(select)));

    [Fact]
    public void Parents_Unlimited_SelectsAllAncestorsAndTheirTests() =>
        AssertSelects("+int_presences", IntPresences, StgEleves, StgAbsences, SrcEleves, SrcAbsences, Ecoles,
            TestSourceNotNull, TestUniqueStgEleves, TestNotNullStgAbsences, TestRelationships);

    [Fact]
    public void Parents_WithDepth_StopsAtThatDistance() =>
        AssertSelects("1+int_presences", IntPresences, StgEleves, StgAbsences, TestUniqueStgEleves, TestNotNullStgAbsences, TestRelationships);

    [Fact]
    public void Children_Unlimited_SelectsDescendantsIncludingTheirTests() =>
        AssertSelects("int_presences+", [IntPresences, FctAbsences, Rpt, Exposure, SemanticModel, Metric, SavedQuery, Analysis, TestRptCoversDim, .. FctTests]);

    [Fact]
    public void Children_WithDepth_StopsAtThatDistance() =>
        AssertSelects("int_presences+1", [IntPresences, FctAbsences, .. FctTests]);

    [Fact]
    public void Children_DepthZero_IsTheNodeAlone() => AssertSelects("int_presences+0", IntPresences);

    [Fact]
    public void ParentsAndChildren_Together_SelectBothSides() =>
        AssertSelects("1+fct_absences+1", [FctAbsences, IntPresences, Calendrier, Rpt, SemanticModel, Analysis, TestRptCoversDim, .. FctTests]);

    [Fact]
    public void ChildrensParents_At_SelectsDescendantsAndAllTheirAncestors() =>
        AssertSelects("@stg_absences", StgAbsences, SrcAbsences, IntPresences, TestNotNullStgAbsences, TestRelationships, FctAbsences,
            Rpt, Exposure, TestAcceptedValues, TestExpression, TestSingular, UnitTest, SemanticModel, Metric, SavedQuery, Analysis, TestRptCoversDim,
            StgEleves, SrcEleves, Ecoles, Calendrier, DimV2, TestUniqueStgEleves, TestSourceNotNull, TestUniqueDimV2);

    [Fact]
    public void ChildrensParents_WithChildrenSuffix_IsAnError()
    {
        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria { Select = ["@stg_eleves+"] });
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.SelectorSyntax, error.Code);
        Assert.Equal("invalid selector '@stg_eleves+': the \"@\" prefix and the \"+\" suffix cannot be combined", error.Message);
        Assert.Empty(result.UniqueIds);
    }

    [Fact]
    public void GraphOperators_DoNotWalkThroughDisabledNodes()
    {
        Assert.DoesNotContain(Disabled, Select("stg_eleves+"));
    }

    [Fact]
    public void Union_Space_SelectsEither() =>
        AssertSelects("stg_eleves stg_absences", StgEleves, StgAbsences, TestUniqueStgEleves, TestNotNullStgAbsences, TestRelationships);

    [Fact]
    public void Union_SeveralSelectValues_AreOneUnion()
    {
        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria { Select = ["stg_eleves", "  stg_absences  "] });
        Assert.Equal(Sorted([StgEleves, StgAbsences, TestUniqueStgEleves, TestNotNullStgAbsences, TestRelationships]), Sorted(result.UniqueIds));
    }

    [Fact]
    public void Intersection_Comma_SelectsBoth() =>
        AssertSelects("tag:staging,tag:daily", StgEleves, TestUniqueStgEleves, TestRelationships);

    [Fact]
    public void Intersection_WithGraphOperator_AppliesOperatorFirst() =>
        AssertSelects("+fct_absences,resource_type:seed", Calendrier, Ecoles);

    [Fact]
    public void Exclude_Model_RemovesItAndEveryTestWithThatParent() =>
        Assert.Equal(
            Sorted([Rpt, FctAbsences, DimV2, IntPresences, Calendrier, StgEleves, SrcEleves, SrcAbsences, Ecoles, TestSourceNotNull,
                TestUniqueStgEleves, TestUniqueDimV2, TestRptCoversDim, .. FctTests]),
            Sorted(Select("+rpt_tableau_bord", exclude: "stg_absences")));

    [Fact]
    public void Exclude_WithoutSelect_StartsFromEverything()
    {
        var expected = SchoolDag.Nodes.Where(n => n.IsEnabled && n.PackageName != "core").Select(n => n.UniqueId);
        Assert.Equal(Sorted(expected), Sorted(Select(exclude: "package:core")));
    }

    [Fact]
    public void Exclude_DirectlySelectedTests_AreRemovedWhenAParentIsExcluded() =>
        AssertSelects2("test_type:generic", "stg_absences",
            TestUniqueStgEleves, TestSourceNotNull, TestAcceptedValues, TestExpression, TestUniqueDimV2);

    [Fact]
    public void NoSelection_SelectsEveryEnabledNodeInTopologicalOrder()
    {
        var all = Select();

        Assert.Equal(SchoolDag.Count - 1, all.Count);
        Assert.DoesNotContain(Disabled, all);
        Assert.Equal(SchoolDag.TopologicalOrder.Where(id => id != Disabled), all);
    }

    [Fact]
    public void Select_Result_IsInTopologicalOrderAndStable()
    {
        var selected = Select("source:raw.eleves+");

        // Kahn's order with ties broken by unique id: models ("model.") come before tests ("test.").
        Assert.Equal(
            [
                SrcEleves, StgEleves, IntPresences, DimV1, DimV2, DimV3, FctAbsences, Analysis, Rpt, Exposure, SemanticModel, Metric,
                SavedQuery, Snapshot, TestRelationships, TestSourceNotNull, TestUniqueStgEleves, TestAcceptedValues, TestSingular,
                TestRptCoversDim, TestExpression, TestUniqueDimV2, UnitTest,
            ],
            selected);
    }

    [Fact]
    public void ResourceTypes_Filter_AppliesAfterSelection()
    {
        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria { Select = ["+fct_absences"], ResourceTypes = [NodeType.Model] });

        Assert.Equal([StgAbsences, StgEleves, IntPresences, FctAbsences], result.UniqueIds);
    }

    [Fact]
    public void ExcludeResourceTypes_DropsThoseTypes()
    {
        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria { Select = ["fct_absences"], ExcludeResourceTypes = [NodeType.Test] });

        Assert.Equal([FctAbsences, UnitTest], result.UniqueIds);
    }

    private static void AssertSelects2(string select, string exclude, params string[] expected) =>
        Assert.Equal(Sorted(expected), Sorted(Select(select, exclude)));
}
