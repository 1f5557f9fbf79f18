using Cedule.Jinja.Values;
using static Cedule.Jinja.Tests.Filters.FilterRendering;

namespace Cedule.Jinja.Tests.Filters;

public class SequenceFilterTests
{
    private static readonly object Users = new List<object?>
    {
        new PyDict { ["name"] = "bob", ["age"] = 30L, ["city"] = "Paris" },
        new PyDict { ["name"] = "Al", ["age"] = 25L, ["city"] = "paris" },
        new PyDict { ["name"] = "cy", ["age"] = 30L, ["city"] = "Berlin" },
    };

    [Theory]
    [InlineData("{{ users|map(attribute='name')|join(', ') }}", "bob, Al, cy")]
    [InlineData("{{ users|sort(attribute='name')|map(attribute='name')|list }}", "['Al', 'bob', 'cy']")]
    [InlineData("{{ users|sort(attribute='age,name', reverse=true)|map(attribute='name')|list }}", "['cy', 'bob', 'Al']")]
    [InlineData("{% for g in users|groupby('city') %}{{ g.grouper }}:{{ g.list|length }};{% endfor %}", "Berlin:1;Paris:2;")]
    [InlineData("{{ users|selectattr('age', 'gt', 26)|map(attribute='name')|list }}", "['bob', 'cy']")]
    [InlineData("{{ users|rejectattr('age', 'eq', 30)|map(attribute='name')|first }}", "Al")]
    [InlineData("{{ users|sum(attribute='age') }}", "85")]
    [InlineData("{{ users|max(attribute='age')|attr('name') }}", "")]
    [InlineData("{{ (users|min(attribute='age')).name }}", "Al")]
    [InlineData("{{ users|map(attribute='city')|unique|list }}", "['Paris', 'Berlin']")]
    public void HigherOrderFilters_Render_LikeJinja(string template, string expected) =>
        Assert.Equal(expected, Render(template, ("users", Users)));

    [Theory]
    [InlineData("{{ [3, 1, 2]|sort }}|{{ ['b', 'A', 'c']|sort }}|{{ ['b', 'A']|sort(case_sensitive=true) }}", "[1, 2, 3]|['A', 'b', 'c']|['A', 'b']")]
    [InlineData("{{ {'b': 1, 'a': 2}|dictsort }}|{{ {'b': 1, 'a': 2}|dictsort(by='value', reverse=true) }}", "[('a', 2), ('b', 1)]|[('a', 2), ('b', 1)]")]
    [InlineData("{{ [1, 2, 3, 4, 5]|batch(2, 0)|list }}", "[[1, 2], [3, 4], [5, 0]]")]
    [InlineData("{{ [1, 2, 3, 4, 5]|slice(2)|list }}", "[[1, 2, 3], [4, 5]]")]
    [InlineData("{{ [1, 2, 3]|reverse|list }}|{{ 'abc'|reverse }}|{{ [1, 2, 3]|last }}|{{ 'abc'|first }}", "[3, 2, 1]|cba|3|a")]
    [InlineData("{{ [1, 'a', none]|join('-') }}|{{ [1, 2]|length }}|{{ 'abc'|list }}", "1-a-None|2|['a', 'b', 'c']")]
    [InlineData("{{ ['a', 'A', 'b']|unique|list }}|{{ [2, 1]|min }}|{{ ['a', 'B']|max }}", "['a', 'b']|1|B")]
    [InlineData("{{ [1, 0, 2, none]|select|list }}|{{ [1, 2, 3, 4]|reject('odd')|list }}", "[1, 2]|[2, 4]")]
    [InlineData("{{ [1, 2]|map('string')|map('length')|sum }}|{{ ['a']|map('upper')|list }}", "2|['A']")]
    [InlineData("{{ {'a': 1}|items|list }}|{{ [[1]]|sum(start=[]) }}", "[('a', 1)]|[1]")]
    [InlineData("{{ x|default('d') }}|{{ ''|default('d', true) }}|{{ none|d('d') }}", "d|d|None")]
    public void SequenceFilters_Render_LikeJinja(string template, string expected) =>
        Assert.Equal(expected, Render(template));

    [Fact]
    public void Select_Length_IsGeneratorTypeError() =>
        Assert.Equal("object of type 'generator' has no len()", Fails("{{ [1, 2]|select|length }}").Detail);

    [Fact]
    public void Sort_MixedTypes_IsPythonTypeError() =>
        Assert.Equal("'<' not supported between instances of 'str' and 'int'", Fails("{{ [1, 'a']|sort }}").Detail);

    [Fact]
    public void Random_SeededSource_IsDeterministic()
    {
        var previous = Cedule.Jinja.Filters.BuiltinFilters.Random;
        try
        {
            Cedule.Jinja.Filters.BuiltinFilters.Random = new Random(1);
            var first = Render("{{ [1, 2, 3, 4, 5, 6, 7, 8]|random }}");
            Cedule.Jinja.Filters.BuiltinFilters.Random = new Random(1);
            Assert.Equal(first, Render("{{ [1, 2, 3, 4, 5, 6, 7, 8]|random }}"));
        }
        finally
        {
            Cedule.Jinja.Filters.BuiltinFilters.Random = previous;
        }
    }
}
