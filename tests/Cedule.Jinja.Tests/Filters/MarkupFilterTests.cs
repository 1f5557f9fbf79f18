using static Cedule.Jinja.Tests.Filters.FilterRendering;

namespace Cedule.Jinja.Tests.Filters;

public class MarkupFilterTests
{
    [Theory]
    [InlineData("{{ '&'|e|e }}", "&amp;")]
    [InlineData("{{ '<b>'|safe|e }}", "<b>")]
    [InlineData("{{ '&amp;'|safe|forceescape }}", "&amp;amp;")]
    [InlineData("{{ '<b>'|e + '<i>' }} {{ ('<b>'|e ~ '<i>') }}", "&lt;b&gt;&lt;i&gt; &lt;b&gt;<i>")]
    [InlineData("{{ '<a>'|e }} {{ ['<a>'|e] }}", "&lt;a&gt; [Markup('&lt;a&gt;')]")]
    [InlineData("{{ 'x'|e is escaped }} {{ 'x' is escaped }} {{ 'x'|safe is string }}", "True False True")]
    [InlineData("{{ ('%s'|safe) % '<i>' }}", "&lt;i&gt;")]
    [InlineData("{{ ('<b>'|safe|upper) }} {{ '<b>'|safe|length }} {{ ('ab'|safe)[1] }}", "<B> 3 b")]
    public void Markup_Behaves_LikeMarkupSafe(string template, string expected) =>
        Assert.Equal(expected, Render(template));
}
