using static Cedule.Jinja.Tests.Filters.FilterRendering;

namespace Cedule.Jinja.Tests.BuiltinTests;

public class BuiltinTestsTests
{
    [Theory]
    [InlineData("{{ 3 is odd }} {{ 3 is even }} {{ 9 is divisibleby 3 }} {{ 2.0 is divisibleby 2 }}", "True False True True")]
    [InlineData("{{ x is defined }} {{ x is undefined }} {{ none is none }}", "False True True")]
    [InlineData("{{ true is boolean }} {{ 1 is boolean }} {{ false is false }} {{ true is true }}", "True False True True")]
    [InlineData("{{ 1 is integer }} {{ true is integer }} {{ 1.0 is float }} {{ true is number }}", "True False True True")]
    [InlineData("{{ 'abc' is lower }} {{ 'ABC' is upper }} {{ 'a' is string }} {{ {} is mapping }}", "True True True True")]
    [InlineData("{{ [] is sequence }} {{ {} is sequence }} {{ 1 is sequence }} {{ 'a' is iterable }} {{ 1 is iterable }}", "True True False True False")]
    [InlineData("{{ 'upper' is filter }} {{ 'nope' is filter }} {{ 'odd' is test }}", "True False True")]
    [InlineData("{{ 1 is sameas 1 }} {{ none is sameas none }} {{ [] is sameas [] }}", "True True False")]
    [InlineData("{{ 'a' is in 'abc' }} {{ 2 is in [1, 2] }} {{ 1 is eq 1.0 }} {{ 1 is ne 2 }}", "True True True True")]
    [InlineData("{{ 2 is gt 1 }} {{ 2 is ge 2 }} {{ 1 is lt 2 }} {{ 1 is le 0 }} {{ 2 is greaterthan 1 }} {{ 1 is lessthan 2 }}", "True True True False True True")]
    [InlineData("{{ range is callable }} {{ 1 is callable }} {{ x is callable }}", "True False True")]
    public void Tests_Render_LikeJinja(string template, string expected) =>
        Assert.Equal(expected, Render(template));

    [Fact]
    public void Odd_String_IsFormattingTypeError() =>
        Assert.Equal("not all arguments converted during string formatting", Fails("{{ 'a' is odd }}").Detail);

    [Fact]
    public void Eq_WithoutArgument_IsPythonTypeError() =>
        Assert.Equal("eq expected 2 arguments, got 1", Fails("{{ 3 is eq }}").Detail);
}
