using Cedule.Jinja.Tests.Runtime;

namespace Cedule.Jinja.Tests.Syntax;

public sealed class ErrorLocationTests
{
    [Fact]
    public void SyntaxError_Message_ShowsTemplateLineColumnAndCaret()
    {
        var error = Assert.Throws<TemplateException>(() => new Environment().FromString("line one\n{% if %}", "page.sql"));
        Assert.Equal("page.sql", error.TemplateName);
        Assert.Equal(2, error.Line);
        Assert.Equal(7, error.Column);
        Assert.Equal("{% if %}", error.SourceLine);
        Assert.Contains("--> page.sql:2:7", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 | {% if %}", error.Message, StringComparison.Ordinal);
        Assert.Contains("  |       ^", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuntimeError_UndefinedAttribute_PointsAtTheAttribute()
    {
        var error = TestJinja.Fails("a\nb {{ x.y.z }}");
        Assert.Equal(ErrorKind.UndefinedError, error.Kind);
        Assert.Equal("'x' is undefined", error.Detail);
        Assert.Equal(2, error.Line);
        Assert.Equal(8, error.Column);
    }

    [Fact]
    public void RuntimeError_DivisionByZero_PointsAtTheOperation()
    {
        var error = TestJinja.Fails("{% for i in [1] %}\n  {{ i + (1 // 0) }}{% endfor %}");
        Assert.Equal(ErrorKind.ZeroDivisionError, error.Kind);
        Assert.Equal(2, error.Line);
        Assert.Equal(11, error.Column);
    }

    [Fact]
    public void RuntimeError_InIncludedTemplate_IsLocatedInThatTemplate()
    {
        var env = TestJinja.Env(templates: new Dictionary<string, string>
        {
            ["inner.txt"] = "first\nsecond {{ 1 // 0 }}",
        });
        var error = Assert.Throws<TemplateException>(() => env.FromString("top\n{% include 'inner.txt' %}", "outer.txt").Render(null, TestContext.Current.CancellationToken));
        Assert.Equal("inner.txt", error.TemplateName);
        Assert.Equal(2, error.Line);
        Assert.Equal(11, error.Column);
        Assert.Equal("second {{ 1 // 0 }}", error.SourceLine);
    }

    [Fact]
    public void RuntimeError_InImportedMacro_IsLocatedInTheMacroTemplate()
    {
        var env = TestJinja.Env(templates: new Dictionary<string, string>
        {
            ["m.txt"] = "{% macro boom() %}\n{{ nothing.attr }}{% endmacro %}",
        });
        var error = Assert.Throws<TemplateException>(() => env.FromString("{% from 'm.txt' import boom %}{{ boom() }}", "main").Render(null, TestContext.Current.CancellationToken));
        Assert.Equal("m.txt", error.TemplateName);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void SyntaxError_InIncludedTemplate_NamesThatTemplate()
    {
        var env = TestJinja.Env(templates: new Dictionary<string, string> { ["bad.txt"] = "ok\n{% endfor %}" });
        var error = Assert.Throws<TemplateException>(() => env.FromString("{% include 'bad.txt' %}").Render(null, TestContext.Current.CancellationToken));
        Assert.Equal(ErrorKind.TemplateSyntaxError, error.Kind);
        Assert.Equal("bad.txt", error.TemplateName);
        Assert.Equal(2, error.Line);
    }
}
