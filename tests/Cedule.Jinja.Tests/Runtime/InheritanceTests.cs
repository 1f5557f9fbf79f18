namespace Cedule.Jinja.Tests.Runtime;

public sealed class InheritanceTests
{
    private static readonly Dictionary<string, string> Templates = new()
    {
        ["base.html"] = "<{% block title %}Base{% endblock %}>{% block body %}B{% endblock %}",
        ["child.html"] = "{% extends 'base.html' %}{% block title %}Child+{{ super() }}{% endblock %}",
        ["macros.html"] = "{% macro hello(n) %}Hello {{ n }}{% endmacro %}{% set value = 42 %}{% set _private = 1 %}",
        ["partial.txt"] = "[{{ who }}]",
        ["ctx.txt"] = "{% macro show() %}{{ who }}{% endmacro %}",
    };

    private static string Render(string source, object? vars = null) =>
        TestJinja.Env(templates: Templates).FromString(source).Render(TestJinja.Vars(vars), TestContext.Current.CancellationToken);

    [Fact]
    public void Render_Extends_OverridesBlocksAndCallsSuper()
    {
        Assert.Equal("<Child+Base>B", Render("{% extends 'child.html' %}"));
        Assert.Equal("<Child+Base>mine", Render("{% extends 'child.html' %}ignored{% block body %}mine{% endblock %}"));
    }

    [Fact]
    public void Render_ChildTopLevelSet_IsVisibleInParentBlocks()
    {
        Assert.Equal("<T>B", Render("{% extends 'base.html' %}{% set t = 'T' %}{% block title %}{{ t }}{% endblock %}"));
    }

    [Fact]
    public void Render_SelfReference_RendersBlockAgain()
    {
        Assert.Equal("<x>Bx", Render("{% extends 'base.html' %}{% block title %}x{% endblock %}{% block body %}B{{ self.title() }}{% endblock %}"));
    }

    [Fact]
    public void Render_Include_SeesContextUnlessWithoutContext()
    {
        Assert.Equal("[me][]", Render("{% include 'partial.txt' %}{% include 'partial.txt' without context %}", new { who = "me" }));
        Assert.Equal("[loop]", Render("{% for who in ['loop'] %}{% include 'partial.txt' %}{% endfor %}"));
        Assert.Equal("", Render("{% include 'missing.txt' ignore missing %}"));
        Assert.Equal("[x]", Render("{% include ['missing.txt', 'partial.txt'] %}", new { who = "x" }));
        Assert.Equal(ErrorKind.TemplateNotFound, Assert.Throws<TemplateException>(() => Render("{% include 'missing.txt' %}")).Kind);
    }

    [Fact]
    public void Render_ImportAndFromImport_ExposeMacrosAndVariables()
    {
        Assert.Equal("Hello a 42", Render("{% import 'macros.html' as m %}{{ m.hello('a') }} {{ m.value }}"));
        Assert.Equal("Hello b", Render("{% from 'macros.html' import hello as h %}{{ h('b') }}"));
        Assert.Equal("[]", Render("{% import 'macros.html' as m %}[{{ m._private }}]"));
        Assert.Equal("[]", Render("{% from 'macros.html' import nothing %}[{{ nothing }}]"));
    }

    [Fact]
    public void Render_ImportWithoutContext_DoesNotSeeRenderVariables()
    {
        Assert.Equal("[]", Render("{% from 'ctx.txt' import show %}[{{ show() }}]", new { who = "w" }));
        Assert.Equal("[w]", Render("{% from 'ctx.txt' import show with context %}[{{ show() }}]", new { who = "w" }));
    }
}
