using System.Text;

namespace Cedule.Jinja.Tests.Runtime;

/// <summary>
/// Long chains and deep values must end in <see cref="ErrorKind.RecursionLimit"/>, never in a
/// stack overflow (which no handler can catch: it ends the process). Each case runs on a thread
/// with a 1 MB stack, the smallest a host commonly gives, so the tests prove the guard rather than
/// the size of the test runner's stack.
/// </summary>
public sealed class DeepNestingTests
{
    private const int SmallStack = 1024 * 1024;

    public static TheoryData<string, string> Chains() => new()
    {
        { "attribute", "{{ x" + Repeat(".a", 20_000) + " }}" },
        { "filter", "{{ x" + Repeat("|string", 20_000) + " }}" },
        { "subscript", "{{ x" + Repeat("[0]", 20_000) + " }}" },
        { "call", "{{ range" + Repeat("(1)", 20_000) + " }}" },
        { "plus", "{{ 1" + Repeat(" + 1", 50_000) + " }}" },
        { "and", "{{ x" + Repeat(" and x", 50_000) + " }}" },
        { "power", "{{ 2" + Repeat(" ** 2", 5_000) + " }}" },
        { "test argument", "{{ x is sameas y" + Repeat(".a", 20_000) + " }}" },
        { "nested sums", "{{ x + (" + Repeat("x + (", 3_000) + "x" + new string(')', 3_001) + " }}" },
        { "parenthesized chains", "{{ " + new string('(', 100) + "x" + Repeat(Repeat(".a", 150) + ")", 100) + " }}" },
    };

    [Theory]
    [MemberData(nameof(Chains))]
    public void Parse_ChainLongerThanMaxTemplateDepth_FailsWithRecursionLimit(string name, string source)
    {
        var error = Assert.IsType<TemplateException>(OnSmallStack(() => new Environment().FromString(source).Render()));
        Assert.True(error.Kind == ErrorKind.RecursionLimit, $"{name}: {error.Kind}: {error.Detail}");
        Assert.Equal(1, error.Line);
        Assert.True(error.Column > 1, name);
    }

    [Fact]
    public void Render_ChainWithinMaxTemplateDepth_Renders()
    {
        Assert.Equal("151", TestJinja.Render("{{ 1" + Repeat(" + 1", 150) + " }}"));
        Assert.Equal("1", TestJinja.Render("{{ x" + Repeat("|string", 150) + " }}", new { x = 1 }));
    }

    [Fact]
    public void Render_ChainLongerThanDefaultButWithinOption_Renders()
    {
        var options = new EnvironmentOptions { MaxTemplateDepth = 1_000 };
        Assert.Equal("501", TestJinja.Render("{{ 1" + Repeat(" + 1", 500) + " }}", options: options));
    }

    [Theory]
    [InlineData("{{ 1" + "%PLUS%" + " }}")]
    [InlineData("%IF%x%ENDIF%")]
    public void Render_LimitRaisedBeyondTheStack_FailsWithRecursionLimitInsteadOfOverflowing(string shape)
    {
        var source = shape.Replace("%PLUS%", Repeat(" + 1", 50_000), StringComparison.Ordinal)
            .Replace("%IF%", Repeat("{% if true %}", 20_000), StringComparison.Ordinal)
            .Replace("%ENDIF%", Repeat("{% endif %}", 20_000), StringComparison.Ordinal);
        var options = new EnvironmentOptions { MaxTemplateDepth = int.MaxValue };
        var error = Assert.IsType<TemplateException>(OnSmallStack(() => TestJinja.Render(source, options: options)));
        Assert.Equal(ErrorKind.RecursionLimit, error.Kind);
    }

    [Fact]
    public void Render_ValuesNestedDeeplyAtRunTime_WalkingThemFailsWithRecursionLimit()
    {
        // Python: RecursionError in repr, json, comparison; the values themselves are fine.
        const string Build = "{% set ns = namespace(l=[], m=[], d={}, e={}) %}{% for i in range(20000) %}"
            + "{% set ns.l = [ns.l] %}{% set ns.m = [ns.m] %}{% set ns.d = {'a': ns.d} %}{% set ns.e = {'a': ns.e} %}{% endfor %}";
        Assert.Equal("1 True", OnSmallStack(() => TestJinja.Render(Build + "{{ ns.l|length }} {{ ns.l == [ns.l[0]] }}")));
        string[] uses =
        [
            "{{ ns.l }}", "{{ ns.l|pprint }}", "{{ ns.l|tojson }}", "{{ ns.l == ns.m }}", "{{ [ns.l, ns.m]|sort|length }}",
            "{{ ns.l in [ns.m] }}", "{{ ns.d }}", "{{ ns.d|pprint }}", "{{ ns.d|tojson }}", "{{ ns.d == ns.e }}",
        ];
        foreach (var use in uses)
        {
            var error = Assert.IsType<TemplateException>(OnSmallStack(() => TestJinja.Render(Build + use)));
            Assert.True(error.Kind == ErrorKind.RecursionLimit, $"{use}: {error.Kind}: {error.Detail}");
        }
    }

    /// <summary>Runs <paramref name="render"/> on a small-stack thread; returns its output or the exception it threw.</summary>
    internal static object OnSmallStack(Func<string> render)
    {
        object? result = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = render();
                }
#pragma warning disable CA1031 // The caller asserts on whatever was thrown.
                catch (Exception error)
#pragma warning restore CA1031
                {
                    result = error;
                }
            },
            SmallStack);
        thread.Start();
        thread.Join();
        return result!;
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
