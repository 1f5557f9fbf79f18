namespace Cedule.Jinja.Tests.Runtime;

public sealed class StatementTests
{
    [Theory]
    [InlineData("{% for x in [1,2,3] %}{{ loop.index }}{{ x }}{% if not loop.last %},{% endif %}{% endfor %}", "11,22,33")]
    [InlineData("{% for x in [] %}a{% else %}empty{% endfor %}", "empty")]
    [InlineData("{% for a, b in [(1, 2), (3, 4)] %}{{ a }}{{ b }}{% endfor %}", "1234")]
    [InlineData("{% for x in [1,2,3,4] if x > 2 %}{{ x }}/{{ loop.length }}{% endfor %}", "3/24/2")]
    [InlineData("{% for x in [1,2,3] %}{% if x == 2 %}{% continue %}{% endif %}{{ x }}{% endfor %}", "13")]
    [InlineData("{% for x in [1,2,3] %}{% if x == 2 %}{% break %}{% endif %}{{ x }}{% endfor %}", "1")]
    [InlineData("{% for x in [1, 2] %}{% break %}{% else %}E{% endfor %}", "E")]
    [InlineData("{% for x in 'ab' %}{{ loop.cycle('+', '-') }}{{ loop.revindex0 }}{{ loop.first }}{% endfor %}", "+1True-0False")]
    [InlineData("{% for x in [1,2,3] %}{{ loop.previtem }}<{{ loop.nextitem }}>{% endfor %}", "<2>1<3>2<>")]
    [InlineData("{% for x in [1,1,2] %}{{ loop.changed(x) }}{% endfor %}", "TrueFalseTrue")]
    [InlineData("{% for i in [{'n': 1, 'c': [{'n': 2, 'c': []}]}, {'n': 3, 'c': []}] recursive %}<{{ loop.depth }}:{{ i.n }}{{ loop(i.c) }}>{% endfor %}", "<1:1<2:2>><1:3>")]
    [InlineData("{% set x = 0 %}{% for i in [1,2] %}{{ x }}{% set x = i * 10 %}{{ x }},{% endfor %}{{ x }}", "010,020,0")]
    [InlineData("{% set ns = namespace(c=0) %}{% for i in range(5) %}{% set ns.c = ns.c + i %}{% endfor %}{{ ns.c }}", "10")]
    [InlineData("{% if 0 %}a{% elif 1 %}b{% else %}c{% endif %}", "b")]
    [InlineData("{% set a, b = 1, 2 %}{{ a }}{{ b }}", "12")]
    [InlineData("{% set x %}block {{ 1 }}{% endset %}[{{ x }}]", "[block 1]")]
    [InlineData("{% with a = 5, b = 6 %}{{ a + b }}{% endwith %}{{ a }}", "11")]
    [InlineData("{% set l = [] %}{% do l.append(1) %}{{ l }}", "[1]")]
    [InlineData("{% raw %}{{ x }}{% endraw %}", "{{ x }}")]
    [InlineData("a {#- c -#} b", "ab")]
    [InlineData("{% if true %}{% set leak = 1 %}{% endif %}{{ leak }}", "1")]
    [InlineData("{% for i in [1] %}{% set inner = 1 %}{% endfor %}[{{ inner }}]", "[]")]
    [InlineData("{% print 1, 'a' %}", "1a")]
    [InlineData("{% for x in [1,2] %}{% set b %}a{% if x == 2 %}{% continue %}{% endif %}{% endset %}[{{ b }}]{% endfor %}", "[a]")]
    [InlineData("{% for x in [1,2] %}{% for y in [3] %}{% continue %}{% else %}{% break %}{% endfor %}{{ x }}{% else %}E{% endfor %}", "E")]
    [InlineData("{% for y in [3] %}{% with w = 1 %}{% continue %}{% endwith %}{{ y }}{% else %}E{% endfor %}", "E")]
    [InlineData("{% for x in [1,2] %}{{ x }}{% for y in [3] %}{% continue %}{% else %}{{ loop.index }}{% endfor %}{% endfor %}", "1122")]
    public void Render_Statements_MatchJinja(string source, string expected)
    {
        Assert.Equal(expected, TestJinja.Render(source));
    }

    [Fact]
    public void Render_FilterBlockAndSetBlockFilter_ApplyFilterToBody()
    {
        var env = new Environment();
        env.AddFilter("shout", (_, value, _) => ((string)value!).ToUpperInvariant() + "!");
        Assert.Equal("HI!", env.FromString("{% filter shout %}hi{% endfilter %}").Render(null, TestContext.Current.CancellationToken));
        Assert.Equal("YO!", env.FromString("{% set x | shout %}yo{% endset %}{{ x }}").Render(null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Render_Globals_RangeDictJoinerCycler()
    {
        Assert.Equal("range(0, 3)|147", TestJinja.Render("{{ range(3) }}|{% for i in range(1, 10, 3) %}{{ i }}{% endfor %}"));
        Assert.Equal("{'a': 1, 'b': 2}", TestJinja.Render("{{ dict(a=1, b=2) }}"));
        Assert.Equal("a|b|c", TestJinja.Render("{% set j = joiner('|') %}{% for x in 'abc' %}{{ j() }}{{ x }}{% endfor %}"));
        Assert.Equal("xyxy", TestJinja.Render("{% set c = cycler('x', 'y') %}{{ c.next() }}{{ c.next() }}{{ c.next() }}{{ c.current }}"));
    }

    [Fact]
    public void Render_Options_TrimLstripAndKeepTrailingNewline()
    {
        var options = new EnvironmentOptions { TrimBlocks = true, LstripBlocks = true, KeepTrailingNewline = true };
        Assert.Equal("a\nb\n", TestJinja.Render("a\n  {% if true %}\nb\n  {% endif %}\n", options: options));
        Assert.Equal("x", TestJinja.Render("x\n"));
    }

    [Fact]
    public void Render_Undefined_RendersEmptyButFailsOnAttribute()
    {
        Assert.Equal("[]", TestJinja.Render("[{{ nope }}]"));
        Assert.Equal("", TestJinja.Render("{% for x in nope %}x{% endfor %}"));
        var error = TestJinja.Fails("{{ nope.attr }}");
        Assert.Equal(ErrorKind.UndefinedError, error.Kind);
        Assert.Equal("'nope' is undefined", error.Detail);
    }

    [Fact]
    public void Render_MissingKey_UsesJinjaUndefinedMessage()
    {
        var error = TestJinja.Fails("{{ d.missing.x }}", new { d = new Dictionary<string, object?> { ["a"] = 1 } });
        Assert.Equal("'dict object' has no attribute 'missing'", error.Detail);
    }

    [Fact]
    public void Render_StrictUndefined_FailsOnEveryUse()
    {
        var strict = new EnvironmentOptions { StrictUndefined = true };
        Assert.Equal(ErrorKind.UndefinedError, TestJinja.Fails("{{ nope }}", options: strict).Kind);
        Assert.Equal(ErrorKind.UndefinedError, TestJinja.Fails("{% if nope %}{% endif %}", options: strict).Kind);
        Assert.Equal(ErrorKind.UndefinedError, TestJinja.Fails("{% for x in nope %}{% endfor %}", options: strict).Kind);
        Assert.Equal("", TestJinja.Render("{{ 'a' if false }}", options: strict));
    }

    [Fact]
    public void Render_UnpackMismatch_IsValueError()
    {
        var error = TestJinja.Fails("{% set a, b = [1] %}");
        Assert.Equal(ErrorKind.ValueError, error.Kind);
        Assert.Equal("not enough values to unpack (expected 2, got 1)", error.Detail);
    }

    [Fact]
    public void Render_NamespaceAssignmentOnNonNamespace_Fails()
    {
        Assert.Equal(ErrorKind.TemplateRuntimeError, TestJinja.Fails("{% set x = 1 %}{% set x.a = 2 %}").Kind);
    }
}
