using static Cedule.Jinja.Tests.Filters.FilterRendering;

namespace Cedule.Jinja.Tests.Filters;

public class StringFilterTests
{
    [Theory]
    [InlineData("{{ 'hello world'|title }}", "Hello World")]
    [InlineData("{{ \"they're (here)-now\"|title }}", "They're (Here)-Now")]
    [InlineData("{{ 'hELLO'|capitalize }}", "Hello")]
    [InlineData("{{ 'straße'|upper }}", "STRASSE")]
    [InlineData("{{ 'ab'|center(6) }}", "  ab  ")]
    [InlineData("{{ '  x  '|trim }}|{{ 'xxaxx'|trim('x') }}", "x|a")]
    [InlineData("{{ 'aaa'|replace('a', 'b', 2) }}", "bba")]
    [InlineData("{{ 'foo bar baz qux'|truncate(9) }}", "foo...")]
    [InlineData("{{ 'foo bar baz qux'|truncate(9, true) }}", "foo ba...")]
    [InlineData("{{ 'foo bar'|truncate(5, leeway=2) }}", "foo bar")]
    [InlineData("{{ 'a b, c_d'|wordcount }}", "3")]
    [InlineData("{{ 'a\nb\n\nc'|indent(2) }}", "a\n  b\n\n  c")]
    [InlineData("{{ 'a\nb'|indent('> ', first=true) }}", "> a\n> b")]
    [InlineData("{{ '%s-%d'|format('a', 3) }}", "a-3")]
    [InlineData("{{ '%(x)s'|format(x=1) }}", "1")]
    [InlineData("{{ '<a href=\"x\">b</a> &amp; c'|striptags }}", "b & c")]
    [InlineData("{{ '<\"&\\'>'|e }}", "&lt;&#34;&amp;&#39;&gt;")]
    [InlineData("{{ 'a b/c?d=é'|urlencode }}", "a%20b/c%3Fd%3D%C3%A9")]
    [InlineData("{{ {'a': 'x y', 'b': 1}|urlencode }}", "a=x+y&b=1")]
    [InlineData("{{ {'class': 'a', 'id': none, 'x': '\"'}|xmlattr }}", " class=\"a\" x=\"&#34;\"")]
    [InlineData("{{ 'see www.example.com.'|urlize }}", "see <a href=\"https://www.example.com\" rel=\"noopener\">www.example.com</a>.")]
    [InlineData("{{ 'The quick brown fox jumps'|wordwrap(10) }}", "The quick\nbrown fox\njumps")]
    [InlineData("{{ 'a-very-long-hyphenated-word'|wordwrap(8) }}", "a-very-\nlong-hyp\nhenated-\nword")]
    public void StringFilters_Render_LikeJinja(string template, string expected) =>
        Assert.Equal(expected, Render(template));

    [Fact]
    public void Truncate_LengthShorterThanEnd_IsAssertionError()
    {
        var error = Fails("{{ 'abc'|truncate(2) }}");
        Assert.Equal(ErrorKind.AssertionError, error.Kind);
        Assert.Equal("expected length >= 3, got 2", error.Detail);
    }

    [Fact]
    public void Center_TooManyArguments_NamesPythonFunction() =>
        Assert.Equal("do_center() takes from 1 to 2 positional arguments but 3 were given", Fails("{{ 'ab'|center(1, 2) }}").Detail);
}
