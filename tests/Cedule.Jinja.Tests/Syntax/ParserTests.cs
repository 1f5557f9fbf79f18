using Cedule.Jinja.Tests.Runtime;

namespace Cedule.Jinja.Tests.Syntax;

public sealed class ParserTests
{
    [Theory]
    [InlineData("{{ 2 ** 3 ** 2 }}", "64")]
    [InlineData("{{ -2 ** 2 }}", "4")]
    [InlineData("{{ 1 + 2 * 3 }}", "7")]
    [InlineData("{{ 'a' ~ 2 * 3 }}", "a6")]
    [InlineData("{{ not 1 == 2 }}", "True")]
    [InlineData("{{ 1 if 0 else 2 if 0 else 3 }}", "3")]
    [InlineData("{{ (1, 2)[1] }}", "2")]
    [InlineData("{{ [1, 2, 3][::2] }}", "[1, 3]")]
    [InlineData("{{ [5].0 }}", "5")]
    public void Parse_Expressions_FollowJinjaPrecedence(string source, string expected)
    {
        Assert.Equal(expected, TestJinja.Render(source));
    }

    [Theory]
    [InlineData("{{ 1 }", "unexpected '}'")]
    [InlineData("{% foo %}", "Encountered unknown tag 'foo'.")]
    [InlineData("{% for x in y %}", "Unexpected end of template. Jinja was looking for the following tags: 'endfor' or 'else'. The innermost block that needs to be closed is 'for'.")]
    [InlineData("{% for x in y %}{% endif %}", "Encountered unknown tag 'endif'. Jinja was looking for the following tags: 'endfor' or 'else'. The innermost block that needs to be closed is 'for'.")]
    [InlineData("{% if x %}{% endfor %}", "Encountered unknown tag 'endfor'. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'.")]
    [InlineData("{{ }}", "Expected an expression, got 'end of print statement'")]
    [InlineData("{% set 1 = 2 %}", "can't assign to 'const'")]
    [InlineData("{% macro m(a=1, b) %}{% endmacro %}", "non-default argument follows default argument")]
    [InlineData("{{ x", "unexpected end of template, expected 'end of print statement'.")]
    public void Parse_InvalidTemplate_ReportsJinjaMessage(string source, string message)
    {
        var error = TestJinja.Fails(source);
        Assert.Equal(ErrorKind.TemplateSyntaxError, error.Kind);
        Assert.Equal(message, error.Detail);
    }

    [Fact]
    public void Parse_UnknownFilter_IsAnAssertionErrorAtParseTime()
    {
        var error = Assert.Throws<TemplateException>(() => new Environment().FromString("ok\n  {{ x | nosuch }}"));
        Assert.Equal(ErrorKind.TemplateAssertionError, error.Kind);
        Assert.Equal("No filter named 'nosuch'.", error.Detail);
        Assert.Equal(2, error.Line);
        Assert.Equal(10, error.Column);
    }

    [Fact]
    public void Parse_UnknownFilterInsideIf_FailsOnlyWhenReached()
    {
        Assert.Equal("", TestJinja.Render("{% if false %}{{ x | nosuch }}{% endif %}"));
        var error = TestJinja.Fails("{% if true %}{{ x | nosuch }}{% endif %}");
        Assert.Equal(ErrorKind.TemplateRuntimeError, error.Kind);
        Assert.Equal("No filter named 'nosuch' found.", error.Detail);
    }

    [Fact]
    public void Parse_UnknownTest_IsAnAssertionError()
    {
        var error = TestJinja.Fails("{{ 1 is nosuch }}");
        Assert.Equal(ErrorKind.TemplateAssertionError, error.Kind);
        Assert.Equal("No test named 'nosuch'.", error.Detail);
    }

    [Fact]
    public void Parse_AssignToLoopInsideFor_IsRefused()
    {
        var error = TestJinja.Fails("{% for x in [1] %}{% set loop = 1 %}{% endfor %}");
        Assert.Equal(ErrorKind.TemplateAssertionError, error.Kind);
    }

    [Fact]
    public void Parse_DeepNesting_ReportsRecursionLimitInsteadOfOverflowing()
    {
        var source = "{{ " + new string('(', 100_000) + "1" + new string(')', 100_000) + " }}";
        var error = TestJinja.Fails(source);
        Assert.Equal(ErrorKind.RecursionLimit, error.Kind);
    }

    [Fact]
    public void Parse_DeepStatementNesting_ReportsRecursionLimit()
    {
        var source = string.Concat(Enumerable.Repeat("{% if 1 %}", 50_000)) + string.Concat(Enumerable.Repeat("{% endif %}", 50_000));
        Assert.Equal(ErrorKind.RecursionLimit, TestJinja.Fails(source).Kind);
    }

    [Fact]
    public void Parse_DuplicateBlock_IsAnAssertionError()
    {
        var error = TestJinja.Fails("{% block a %}{% endblock %}{% block a %}{% endblock %}");
        Assert.Equal(ErrorKind.TemplateAssertionError, error.Kind);
        Assert.Equal("block 'a' defined twice", error.Detail);
    }
}
