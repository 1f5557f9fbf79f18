using Cedule.Core.Graph;
using Cedule.Core.Selection;
using static Cedule.Core.Tests.Selection.SchoolBoardGraph;

namespace Cedule.Core.Tests.Selection;

/// <summary>
/// dbt's "Test selection examples" and "Indirect selection" pages, on the school-board graph:
/// the relationships test references stg_eleves and stg_absences; assert_rpt_couvre_dim
/// references rpt_tableau_bord and its parent dim_eleves.v2.
/// </summary>
public sealed class IndirectSelectionTests
{
    private static void AssertSelects(IReadOnlyList<string> actual, params string[] expected) =>
        Assert.Equal(Sorted(expected), Sorted(actual));

    [Fact]
    public void Eager_OneParentSelected_SelectsEveryTestReferencingIt() =>
        AssertSelects(Select("stg_eleves", mode: IndirectSelection.Eager), StgEleves, TestUniqueStgEleves, TestRelationships);

    [Fact]
    public void Cautious_OneParentSelected_LeavesOutTestsWithAnUnselectedParent() =>
        AssertSelects(Select("stg_eleves", mode: IndirectSelection.Cautious), StgEleves, TestUniqueStgEleves);

    [Fact]
    public void Cautious_BothParentsInAUnion_SelectsTheTest() =>
        AssertSelects(Select("stg_eleves stg_absences", mode: IndirectSelection.Cautious),
            StgEleves, StgAbsences, TestUniqueStgEleves, TestNotNullStgAbsences, TestRelationships);

    [Fact]
    public void Buildable_OtherParentIsUpstream_SelectsTheTest() =>
        AssertSelects(Select("rpt_tableau_bord", mode: IndirectSelection.Buildable), Rpt, TestRptCoversDim);

    [Fact]
    public void Cautious_OtherParentIsUpstream_LeavesTheTestOut() =>
        AssertSelects(Select("rpt_tableau_bord", mode: IndirectSelection.Cautious), Rpt);

    [Fact]
    public void Buildable_OtherParentNotUpstream_LeavesTheTestOut() =>
        AssertSelects(Select("stg_eleves", mode: IndirectSelection.Buildable), StgEleves, TestUniqueStgEleves);

    [Fact]
    public void Empty_SelectsNoAttachedTests() =>
        AssertSelects(Select("stg_eleves", mode: IndirectSelection.Empty), StgEleves);

    [Fact]
    public void Empty_TestsDownstreamOfAGraphOperator_AreStillSelectedDirectly() =>
        AssertSelects(Select("stg_absences+1", mode: IndirectSelection.Empty),
            StgAbsences, IntPresences, TestNotNullStgAbsences, TestRelationships);

    [Fact]
    public void Eager_UpstreamOperator_SelectsTestsOnEveryUpstreamNode() =>
        AssertSelects(Select("+stg_eleves"), StgEleves, SrcEleves, Ecoles, TestSourceNotNull, TestUniqueStgEleves, TestRelationships);

    [Fact]
    public void Cautious_UpstreamOperator_KeepsOnlyTestsWhoseParentsAreAllUpstream() =>
        AssertSelects(Select("+stg_eleves", mode: IndirectSelection.Cautious), StgEleves, SrcEleves, Ecoles, TestSourceNotNull, TestUniqueStgEleves);

    [Fact]
    public void Source_SelectsTestsOnThatSource() =>
        AssertSelects(Select("source:raw.eleves", mode: IndirectSelection.Cautious), SrcEleves, TestSourceNotNull);

    [Fact]
    public void Intersection_ModelAndTestType_SelectsThatModelsSingularTests() =>
        AssertSelects(Select("fct_absences,test_type:singular"), TestSingular);

    [Theory]
    [InlineData(IndirectSelection.Eager)]
    [InlineData(IndirectSelection.Cautious)]
    [InlineData(IndirectSelection.Buildable)]
    [InlineData(IndirectSelection.Empty)]
    public void Exclude_AnyParentExcluded_ExcludesTheTestInEveryMode(IndirectSelection mode)
    {
        // "Test exclusion is always greedy: if ANY parent is explicitly excluded, the test will be
        // excluded as well." (dbt-core 1.9's code only does so in eager mode; the docs win.)
        AssertSelects(Select("staging", exclude: "stg_eleves", mode: mode), StgAbsences, TestNotNullStgAbsences);
    }

    [Fact]
    public void Build_DefaultSelection_IncludesTestsAndUnitTestsOfEveryNode()
    {
        var build = NodeSelector.Select(SchoolDag, new SelectionCriteria
        {
            Select = ["fct_absences"],
            ResourceTypes = [NodeType.Model, NodeType.Seed, NodeType.Snapshot, NodeType.Test, NodeType.UnitTest],
        });

        Assert.Equal([FctAbsences, TestAcceptedValues, TestSingular, TestExpression, UnitTest], build.UniqueIds);
    }

    [Fact]
    public void Run_ModelResourceType_DropsTheTests()
    {
        var run = NodeSelector.Select(SchoolDag, new SelectionCriteria { Select = ["fct_absences"], ResourceTypes = [NodeType.Model] });

        Assert.Equal([FctAbsences], run.UniqueIds);
    }
}
