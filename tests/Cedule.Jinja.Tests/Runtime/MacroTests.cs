namespace Cedule.Jinja.Tests.Runtime;

public sealed class MacroTests
{
    [Theory]
    [InlineData("{% macro m(a, b=2) %}{{ a }}-{{ b }}{% endmacro %}{{ m(1) }}|{{ m(1, b=3) }}", "1-2|1-3")]
    [InlineData("{% macro m(a) %}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m(1, 2, 3, x=4) }}", "(2, 3){'x': 4}")]
    [InlineData("{% macro m(a, b=a * 2) %}{{ b }}{% endmacro %}{{ m(3) }}", "6")]
    [InlineData("{% macro m() %}[{{ caller(5) }}]{% endmacro %}{% call(x) m() %}got {{ x }}{% endcall %}", "[got 5]")]
    [InlineData("{% macro m(x) %}{{ x }}{% endmacro %}{{ m.name }}|{{ m.arguments }}|{{ m.catch_kwargs }}|{{ m }}", "m|('x',)|False|<Macro 'm'>")]
    [InlineData("{% macro f(n) %}{% if n > 0 %}{{ n }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(3) }}", "321")]
    [InlineData("{% set x = 1 %}{% macro m() %}{{ x }}{% endmacro %}{% set x = 2 %}{{ m() }}", "2")]
    [InlineData("{% macro m(a) %}{{ a }}{% endmacro %}[{{ m() }}]", "[]")]
    [InlineData("{% set b = 1 %}{% macro m(b=b is defined) %}{{ b }}{% endmacro %}{{ m() }}", "False")]
    public void Render_Macros_MatchJinja(string source, string expected)
    {
        Assert.Equal(expected, TestJinja.Render(source));
    }

    [Theory]
    [InlineData("{% macro m(a) %}{% endmacro %}{{ m(1, 2) }}", "macro 'm' takes not more than 1 argument(s)")]
    [InlineData("{% macro m(a) %}{% endmacro %}{{ m(1, b=2) }}", "macro 'm' takes no keyword argument 'b'")]
    public void Render_BadMacroCall_IsTypeError(string source, string message)
    {
        var error = TestJinja.Fails(source);
        Assert.Equal(ErrorKind.TypeError, error.Kind);
        Assert.Equal(message, error.Detail);
    }

    [Fact]
    public void Render_InfiniteRecursion_StopsAtMaxRecursion()
    {
        var error = TestJinja.Fails("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", options: new EnvironmentOptions { MaxRecursion = 50 });
        Assert.Equal(ErrorKind.RecursionLimit, error.Kind);
    }

    [Fact]
    public void Render_InfiniteRecursionWithDefaultLimit_NeverOverflowsTheStack()
    {
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    var error = TestJinja.Fails("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(1) }}", options: new EnvironmentOptions { MaxRecursion = 1_000_000 });
                    Assert.Equal(ErrorKind.RecursionLimit, error.Kind);
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(failure);
    }
}
