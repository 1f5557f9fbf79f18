using static Cedule.Jinja.Tests.Filters.FilterRendering;

namespace Cedule.Jinja.Tests.Filters;

public class JsonFilterTests
{
    [Theory]
    [InlineData("{{ {'b': [1, 2.5, none, true], 'a': '<é>'}|tojson }}", "{\"a\": \"\\u003c\\u00e9\\u003e\", \"b\": [1, 2.5, null, true]}")]
    [InlineData("{{ [1, {'a': 'x'}]|tojson(2) }}", "[\n  1,\n  {\n    \"a\": \"x\"\n  }\n]")]
    [InlineData("{{ \"it's & co\"|tojson }}", "\"it\\u0027s \\u0026 co\"")]
    [InlineData("{{ {'b': 1, 'a': [1, 2]}|pprint }}", "{'a': [1, 2], 'b': 1}")]
    public void JsonFilters_Render_LikeJinja(string template, string expected) =>
        Assert.Equal(expected, Render(template));

    [Fact]
    public void Pprint_LongList_WrapsOnePerLine()
    {
        var expected = "[" + string.Join(",\n ", Enumerable.Range(0, 30).Select(i => $"'item{i}'")) + "]";
        Assert.Equal(expected, Render("{{ items|pprint }}", ("items", Enumerable.Range(0, 30).Select(i => (object?)$"item{i}").ToList())));
    }

    [Fact]
    public void Tojson_Undefined_IsTypeError() =>
        Assert.Equal("Object of type Undefined is not JSON serializable", Fails("{{ x|tojson }}").Detail);
}
