namespace Cedule.Jinja.Tests.Runtime;

/// <summary>
/// Containers that contain themselves, with the outputs and errors of Jinja2 3.1.2 on
/// Python 3.11 (checked with <c>/usr/bin/python3</c>). Run on a small stack, so an unguarded
/// recursion fails the test run visibly instead of passing on a big stack by luck.
/// </summary>
public sealed class SelfReferenceTests
{
    private const string SelfList = "{% set l = [] %}{% do l.append(l) %}";
    private const string SelfDict = "{% set d = {} %}{% do d.update({'a': d}) %}";

    [Theory]
    [InlineData(SelfList + "{{ l }}", "[[...]]")]
    [InlineData(SelfList + "{{ l|string }}", "[[...]]")]
    [InlineData(SelfList + "{{ l|length }}", "1")]
    [InlineData(SelfList + "{{ l == l }}", "True")]
    [InlineData(SelfList + "{{ l != l }}", "False")]
    [InlineData(SelfList + "{{ l in l }}", "True")]
    [InlineData(SelfList + "{{ [] in l }}", "False")]
    [InlineData(SelfList + "{{ l|sort }}", "[[[...]]]")]
    [InlineData(SelfList + "{% do l.append(l) %}{{ l|sort }}", "[[[...], [...]], [[...], [...]]]")]
    [InlineData(SelfList + "{{ l|list }}", "[[[...]]]")]
    [InlineData(SelfList + "{{ l|first }}", "[[...]]")]
    [InlineData(SelfList + "{{ l|join }}", "[[...]]")]
    [InlineData(SelfList + "{{ l|e }}", "[[...]]")]
    [InlineData(SelfList + "{{ l ~ '' }}", "[[...]]")]
    [InlineData(SelfList + "{{ '%s' % (l,) }}", "[[...]]")]
    [InlineData(SelfList + "{{ '{}'.format(l) }}", "[[...]]")]
    [InlineData(SelfList + "{{ l|max }}", "[[...]]")]
    [InlineData(SelfList + "{{ l|reverse|list }}", "[[[...]]]")]
    [InlineData(SelfList + "{{ l|map('string')|list }}", "['[[...]]']")]
    [InlineData(SelfList + "{{ (l,)|string }}", "([[...]],)")]
    [InlineData(SelfList + "{{ l|groupby(0) }}", "[([[...]], [[[...]]])]")]
    [InlineData(SelfList + "{{ l|sum(start=[]) }}", "[[[...]]]")]
    [InlineData(SelfList + "{{ {'k': l} }}", "{'k': [[...]]}")]
    [InlineData(SelfList + "{{ l.index(l) }}", "0")]
    [InlineData(SelfList + "{{ l.count(l) }}", "1")]
    [InlineData(SelfList + "{{ l * 2 }}", "[[[...]], [[...]]]")]
    [InlineData(SelfList + "{{ l is sameas l }}", "True")]
    [InlineData(SelfList + "{{ l|count }}", "1")]
    [InlineData(SelfList + "{{ l|random }}", "[[...]]")]
    [InlineData(SelfDict + "{{ d }}", "{'a': {...}}")]
    [InlineData(SelfDict + "{{ d|string }}", "{'a': {...}}")]
    [InlineData(SelfDict + "{{ d|length }}", "1")]
    [InlineData(SelfDict + "{{ d == d }}", "True")]
    [InlineData(SelfDict + "{{ d|dictsort }}", "[('a', {'a': {...}})]")]
    [InlineData(SelfDict + "{{ d.items()|list }}", "[('a', {'a': {...}})]")]
    [InlineData(SelfDict + "{{ d|items|list }}", "[('a', {'a': {...}})]")]
    [InlineData(SelfDict + "{{ d|dictsort(by='value') }}", "[('a', {'a': {...}})]")]
    public void Render_SelfContainingContainer_PrintsAsPython(string source, string expected) =>
        Assert.Equal(expected, DeepNestingTests.OnSmallStack(() => TestJinja.Render(source)));

    [Theory]
    [InlineData(SelfList + "{{ l|pprint }}", @"^\[<Recursion on list with id=\d+>\]$")]
    [InlineData(SelfDict + "{{ d|pprint }}", @"^\{'a': <Recursion on dict with id=\d+>\}$")]
    public void Render_SelfContainingContainerPprint_NamesTheRecursion(string source, string pattern) =>
        Assert.Matches(pattern, Assert.IsType<string>(DeepNestingTests.OnSmallStack(() => TestJinja.Render(source))));

    [Theory]
    [InlineData(SelfList + "{{ l|tojson }}", ErrorKind.ValueError, "Circular reference detected")]
    [InlineData(SelfDict + "{{ d|tojson }}", ErrorKind.ValueError, "Circular reference detected")]
    [InlineData(SelfList + "{% set m = [] %}{% do m.append(m) %}{{ l == m }}", ErrorKind.RecursionLimit, "maximum recursion depth exceeded in comparison")]
    [InlineData(SelfList + "{{ l|unique|list }}", ErrorKind.TypeError, "unhashable type: 'list'")]
    [InlineData(SelfList + "{{ {l: 1} }}", ErrorKind.TypeError, "unhashable type: 'list'")]
    [InlineData(SelfList + "{{ l|xmlattr }}", ErrorKind.AttributeError, "'list' object has no attribute 'items'")]
    [InlineData(SelfList + "{{ l|urlencode }}", ErrorKind.ValueError, "not enough values to unpack (expected 2, got 1)")]
    public void Render_SelfContainingContainer_FailsAsPython(string source, ErrorKind kind, string detail)
    {
        var error = Assert.IsType<TemplateException>(DeepNestingTests.OnSmallStack(() => TestJinja.Render(source)));
        Assert.Equal(kind, error.Kind);
        Assert.Equal(detail, error.Detail);
    }
}
