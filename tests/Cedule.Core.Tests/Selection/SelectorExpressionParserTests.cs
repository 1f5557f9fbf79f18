using Cedule.Core.Diagnostics;
using Cedule.Core.Selection;
using static Cedule.Core.Tests.Selection.SchoolBoardGraph;

namespace Cedule.Core.Tests.Selection;

public sealed class SelectorExpressionParserTests
{
    private static CriterionSpec Parse(string raw)
    {
        var diagnostics = new List<Diagnostic>();
        var spec = SelectorExpressionParser.ParseCriterion(raw, SourceLocation.InFile("--select"), SelectorMethodRegistry.Default, diagnostics);
        Assert.Empty(diagnostics);
        return Assert.IsType<CriterionSpec>(spec);
    }

    [Theory]
    [InlineData("stg_eleves", "fqn")]
    [InlineData("models/staging", "path")]
    [InlineData("models\\staging", "path")]
    [InlineData("stg_eleves.sql", "file")]
    [InlineData("script.PY", "file")]
    [InlineData("ecoles.csv", "file")]
    [InlineData("marts.finance", "fqn")]
    public void ParseCriterion_BareValue_GetsDbtsDefaultMethod(string raw, string method) => Assert.Equal(method, Parse(raw).Method);

    [Fact]
    public void ParseCriterion_AllOperators_AreRead()
    {
        var spec = Parse("2+config.meta.owner:equipe+3");

        Assert.Equal("config", spec.Method);
        Assert.Equal(["meta", "owner"], spec.Arguments);
        Assert.Equal("equipe", spec.Value);
        Assert.True(spec.Parents);
        Assert.Equal(2, spec.ParentsDepth);
        Assert.True(spec.Children);
        Assert.Equal(3, spec.ChildrenDepth);
        Assert.False(spec.ChildrensParents);
    }

    [Fact]
    public void ParseCriterion_AtWithParents_IsAllowed()
    {
        var spec = Parse("@+tag:x");

        Assert.True(spec.ChildrensParents);
        Assert.True(spec.Parents);
        Assert.Null(spec.ParentsDepth);
    }

    [Fact]
    public void ParseCriterion_PlusInsideValue_StaysInTheValue() => Assert.Equal("a+b", Parse("a+b").Value);

    [Theory]
    [InlineData("tagg:nightly", "invalid selector 'tagg:nightly': 'tagg' is not a valid method name (valid: access, config, exposure, file, fqn, group, metric, package, path, resource_type, result, saved_query, semantic_model, source, source_status, state, tag, test_name, test_type, unit_test, version, selector)")]
    [InlineData("+", "invalid selector '+': no value to select (write method:value or a node name)")]
    [InlineData("tag:", "invalid selector 'tag:': no value to select (write method:value or a node name)")]
    [InlineData("@x+", "invalid selector '@x+': the \"@\" prefix and the \"+\" suffix cannot be combined")]
    [InlineData("99999999999+x", "invalid selector '99999999999+x': depth 99999999999 is too large")]
    [InlineData("selector:x+", "invalid selector 'selector:x+': 'selector:' takes a selector's name, without graph operators or arguments")]
    public void Select_InvalidCriterion_ReportsWhatIsWrong(string select, string message)
    {
        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria { Select = [select] });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.SelectorSyntax, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Empty(result.UniqueIds);
    }

    [Fact]
    public void Select_ErrorInSecondTerm_PointsAtItsColumn()
    {
        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria { Select = ["stg_eleves  tag:a,tagg:b"] });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(new SourceLocation("--select", 1, 19), error.Location);
        Assert.StartsWith("--select:1:19: error CED1301: invalid selector 'tagg:b': 'tagg' is not a valid method name", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Select_EmptyCriterionBetweenCommas_IsAnErrorWithItsColumn()
    {
        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria { Select = ["tag:a,,tag:b"] });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(new SourceLocation("--select", 1, 7), error.Location);
        Assert.Equal("invalid selector 'tag:a,,tag:b': empty criterion at column 7 (a comma must join two criteria, without spaces)", error.Message);
    }

    [Fact]
    public void Exclude_InvalidCriterion_IsReportedAgainstExclude()
    {
        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria { Exclude = ["x,"] });

        Assert.Equal("--exclude", Assert.Single(result.Diagnostics).Location.Path);
    }

    [Fact]
    public void Select_TermMatchingNothing_WarnsButSucceeds()
    {
        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria { Select = ["stg_eleves tag:nothing"] });

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(DiagnosticCodes.SelectorNoMatch, warning.Code);
        Assert.Equal(new SourceLocation("--select", 1, 12), warning.Location);
        Assert.Equal([StgEleves, TestRelationships, TestUniqueStgEleves], result.UniqueIds);
    }

    [Fact]
    public void Validate_Expression_ReportsErrorsWithoutAGraph()
    {
        Assert.Empty(NodeSelector.Validate("+tag:daily,config.materialized:table stg_eleves+2"));
        Assert.Single(NodeSelector.Validate("state:modified bogus:x"));
    }
}
