using Cedule.Core.Diagnostics;
using Cedule.Core.Yaml;
using Cedule.Jinja.Values;

namespace Cedule.Core.Tests.Yaml;

public sealed class YamlReaderTests
{
    [Fact]
    public void Read_MergeKeys_ExplicitKeysWinAndMergedComeFirst()
    {
        const string text = """
            base: &base
              materialized: view
              schema: staging
            model:
              <<: *base
              schema: marts
              tags: [a]
            """;
        var dict = (PyDict)YamlValues.ToValue(YamlReader.Read(text, "x.yml"))!;
        var model = (PyDict)dict["model"]!;

        Assert.Equal("{'materialized': 'view', 'schema': 'marts', 'tags': ['a']}", PyOps.Repr(model));
    }

    [Fact]
    public void Read_MergeListOfAnchors_EarlierAnchorWins()
    {
        const string text = """
            a: &a {x: 1, y: 1}
            b: &b {x: 2, z: 2}
            c:
              <<: [*a, *b]
            """;
        var c = (PyDict)((PyDict)YamlValues.ToValue(YamlReader.Read(text, "x.yml"))!)["c"]!;

        Assert.Equal("{'x': 1, 'z': 2, 'y': 1}", PyOps.Repr(c));
    }

    [Theory]
    [InlineData("v: yes", "True")]
    [InlineData("v: Off", "False")]
    [InlineData("v: ~", "None")]
    [InlineData("v: 010", "8")]
    [InlineData("v: 0x1F", "31")]
    [InlineData("v: 1_000", "1000")]
    [InlineData("v: 1e3", "'1e3'")]
    [InlineData("v: 1.5e+3", "1500.0")]
    [InlineData("v: '1.5'", "'1.5'")]
    [InlineData("v: 99999999999999999999", "99999999999999999999")]
    [InlineData("v: .inf", "inf")]
    [InlineData("v: 2024-01-01", "'2024-01-01'")]
    public void ToValue_PlainScalars_ResolveLikePyYaml(string text, string expectedRepr)
    {
        var dict = (PyDict)YamlValues.ToValue(YamlReader.Read(text, "x.yml"))!;

        Assert.Equal(expectedRepr, PyOps.Repr(dict["v"]));
    }

    [Fact]
    public void ToValue_SmallAndHugeIntegers_AreLongAndBigIntegerAsTheValuesReadmeSays()
    {
        var dict = (PyDict)YamlValues.ToValue(YamlReader.Read("small: 4\nhuge: 99999999999999999999\n", "x.yml"))!;

        Assert.IsType<long>(dict["small"]);
        Assert.IsType<System.Numerics.BigInteger>(dict["huge"]);
    }

    [Fact]
    public void Read_InvalidYaml_ReportsFileLineAndColumn()
    {
        const string text = "models:\n  - name: a\n    description: \"unterminated\n";
        var error = Assert.Throws<ProjectException>(() => YamlReader.Read(text, "models/schema.yml"));
        var diagnostic = Assert.Single(error.Diagnostics);

        Assert.Equal(DiagnosticCodes.YamlSyntax, diagnostic.Code);
        Assert.Equal("models/schema.yml", diagnostic.Location.Path);
        Assert.True(diagnostic.Location.Line >= 3, diagnostic.ToString());
        Assert.True(diagnostic.Location.Column > 0, diagnostic.ToString());
    }

    [Fact]
    public void Read_Nodes_CarryLineAndColumn()
    {
        const string text = "models:\n  - name: stg_eleves\n    columns: []\n";
        var root = (YamlMapping)YamlReader.Read(text, "schema.yml")!;
        var first = (YamlMapping)((YamlSequence)root["models"]!).Items[0];

        Assert.Equal(new SourceLocation("schema.yml", 2, 5), first.Location);
        Assert.Equal(new SourceLocation("schema.yml", 2, 11), first["name"]!.Location);
    }

    [Fact]
    public void Read_EmptyDocument_ReturnsNull()
    {
        Assert.Null(YamlReader.Read("", "x.yml"));
        Assert.Null(YamlReader.Read("# only a comment\n", "x.yml"));
    }

    [Fact]
    public void Read_UnknownAlias_IsAnError()
    {
        var error = Assert.Throws<ProjectException>(() => YamlReader.Read("a: *nope\n", "x.yml"));

        Assert.Contains("nope", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }
}
