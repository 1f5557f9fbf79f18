using Cedule.Core.Diagnostics;
using Cedule.Core.Selection;

namespace Cedule.Core.Tests.Selection;

/// <summary>Invalid selectors.yml files: each problem is reported with file, line and column, and the other selectors stay usable.</summary>
public sealed class SelectorDefinitionsErrorTests
{
    private static Diagnostic SingleProblem(string yaml, Severity severity = Severity.Error)
    {
        var definitions = SelectorDefinitions.Parse(yaml, "selectors.yml");
        var diagnostic = Assert.Single(definitions.Diagnostics);
        Assert.Equal(severity, diagnostic.Severity);
        return diagnostic;
    }

    [Fact]
    public void UnknownMethod_PointsAtTheKey()
    {
        var error = SingleProblem("selectors:\n  - name: a\n    definition:\n      tagg: nightly\n");

        Assert.Equal(DiagnosticCodes.SelectorDefinition, error.Code);
        Assert.Equal(new SourceLocation("selectors.yml", 4, 7), error.Location);
        Assert.StartsWith("'tagg' is not a valid method name (valid: access, config,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownMethodInCliString_PointsAtTheString()
    {
        var error = SingleProblem("selectors:\n  - name: a\n    definition: 'tagg:nightly'\n");

        Assert.Equal(DiagnosticCodes.SelectorSyntax, error.Code);
        Assert.Equal(new SourceLocation("selectors.yml", 3, 17), error.Location);
    }

    [Fact]
    public void ReferenceToALaterSelector_IsAnError()
    {
        var definitions = SelectorDefinitions.Parse(
            "selectors:\n  - name: a\n    definition:\n      method: selector\n      value: b\n  - name: b\n    definition: tag:x\n",
            "selectors.yml");

        var error = Assert.Single(definitions.Diagnostics);
        Assert.Equal(new SourceLocation("selectors.yml", 5, 14), error.Location);
        Assert.Equal("existing selector definition for 'b' not found: a selector can only reuse selectors declared above it", error.Message);
        Assert.Equal(["b"], definitions.Selectors.Select(s => s.Name));
    }

    [Fact]
    public void TwoDefaults_IsAnErrorNamingBoth()
    {
        var definitions = SelectorDefinitions.Parse(
            "selectors:\n  - name: a\n    default: true\n    definition: tag:x\n  - name: b\n    default: yes\n    definition: tag:y\n",
            "selectors.yml");

        var error = Assert.Single(definitions.Diagnostics);
        Assert.Equal(new SourceLocation("selectors.yml", 6, 14), error.Location);
        Assert.Equal("found multiple selectors with `default: true`: a and b", error.Message);
        Assert.Equal("a", definitions.Default?.Name);
    }

    [Fact]
    public void RootUnionWithOtherKeys_IsAnError()
    {
        var error = SingleProblem("selectors:\n  - name: a\n    definition:\n      union: [tag:x]\n      method: tag\n");

        Assert.Equal(new SourceLocation("selectors.yml", 4, 7), error.Location);
        Assert.Equal("only a single 'union' or 'intersection' key is allowed in a root level selector definition; found union,method", error.Message);
    }

    [Fact]
    public void CliStringWithSeveralCriteria_IsAnError() =>
        Assert.Contains("holds several criteria", SingleProblem("selectors:\n  - name: a\n    definition: 'tag:x tag:y'\n").Message, StringComparison.Ordinal);

    [Fact]
    public void InvalidIndirectSelection_IsAnError()
    {
        var error = SingleProblem("selectors:\n  - name: a\n    definition:\n      method: tag\n      value: x\n      indirect_selection: greedy\n");

        Assert.Equal(new SourceLocation("selectors.yml", 6, 27), error.Location);
        Assert.Equal("'indirect_selection' must be one of eager, cautious, buildable, empty, not 'greedy'", error.Message);
    }

    [Fact]
    public void ChildrenWithChildrensParents_IsAnError() =>
        Assert.Equal(
            "'childrens_parents' (the @ operator) and 'children' cannot be combined",
            SingleProblem("selectors:\n  - name: a\n    definition:\n      method: tag\n      value: x\n      children: true\n      childrens_parents: true\n").Message);

    [Fact]
    public void MethodWithoutValue_IsAnError() =>
        Assert.StartsWith(
            "expected either one 'method: value' key or 'method' and 'value' keys, but got [method, children]",
            SingleProblem("selectors:\n  - name: a\n    definition:\n      method: tag\n      children: true\n").Message,
            StringComparison.Ordinal);

    [Fact]
    public void NegativeDepth_IsAnError() =>
        Assert.Equal(
            "'parents_depth' must be a non-negative whole number",
            SingleProblem("selectors:\n  - name: a\n    definition:\n      method: tag\n      value: x\n      parents: true\n      parents_depth: -1\n").Message);

    [Fact]
    public void TwoExcludesInOneUnion_IsAnError() =>
        Assert.Equal(
            "only one 'exclude' is allowed in a 'union' list",
            SingleProblem("selectors:\n  - name: a\n    definition:\n      union:\n        - tag:x\n        - exclude: [tag:y]\n        - exclude: [tag:z]\n").Message);

    [Fact]
    public void DefinitionList_IsAnError() =>
        Assert.StartsWith("a selector definition cannot be a list", SingleProblem("selectors:\n  - name: a\n    definition: [tag:x]\n").Message, StringComparison.Ordinal);

    [Fact]
    public void MissingNameOrDefinition_IsAnError()
    {
        Assert.Equal("a selector needs a 'name'", SingleProblem("selectors:\n  - definition: tag:x\n").Message);
        Assert.Equal("selector 'a' needs a 'definition'", SingleProblem("selectors:\n  - name: a\n").Message);
    }

    [Fact]
    public void NoSelectorsList_IsAnErrorAndTheMisspelledKeyAWarning()
    {
        var definitions = SelectorDefinitions.Parse("selector:\n  - name: a\n", "selectors.yml");

        Assert.Equal(
            [
                "selectors.yml:1:1: warning CED1302: unexpected key 'selector' in selectors.yml (expected 'selectors')",
                "selectors.yml:1:1: error CED1302: selectors.yml must have a 'selectors' key holding a list of selectors",
            ],
            definitions.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void UnknownKeyInMethodDefinition_IsAWarning()
    {
        var warning = SingleProblem("selectors:\n  - name: a\n    definition:\n      method: tag\n      value: x\n      child: true\n", Severity.Warning);

        Assert.Equal(new SourceLocation("selectors.yml", 6, 7), warning.Location);
        Assert.StartsWith("unexpected key 'child' in a selector method definition", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidYaml_IsAYamlSyntaxError()
    {
        var definitions = SelectorDefinitions.Parse("selectors:\n  - name: [a\n", "selectors.yml");

        var error = Assert.Single(definitions.Diagnostics);
        Assert.Equal(DiagnosticCodes.YamlSyntax, error.Code);
        Assert.Equal("selectors.yml", error.Location.Path);
        Assert.True(error.Location.Line > 0);
    }
}
