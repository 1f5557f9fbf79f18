using System.Globalization;

namespace Cedule.Jinja.Tests.Runtime;

public sealed class LimitsTests
{
    [Fact]
    public void Render_InfiniteLoopOverHugeRange_RunsOutOfFuel()
    {
        var error = TestJinja.Fails("{% for i in range(10 ** 12) %}{{ i }}{% endfor %}", options: new EnvironmentOptions { MaxFuel = 100_000 });
        Assert.Equal(ErrorKind.FuelExhausted, error.Kind);
    }

    [Fact]
    public void Render_HugeStringRepeat_RunsOutOfFuelBeforeAllocating()
    {
        var error = TestJinja.Fails("{{ 'x' * 10 ** 9 }}", options: new EnvironmentOptions { MaxFuel = 1_000_000 });
        Assert.Equal(ErrorKind.FuelExhausted, error.Kind);
    }

    [Fact]
    public void Render_OutputLongerThanLimit_FailsWithOutputLimit()
    {
        var error = TestJinja.Fails("{% for i in range(1000) %}0123456789{% endfor %}", options: new EnvironmentOptions { MaxOutputLength = 5000 });
        Assert.Equal(ErrorKind.OutputLimit, error.Kind);
    }

    [Fact]
    public void Render_CancelledToken_StopsWithCancelled()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        var template = new Environment().FromString("{% for i in range(10 ** 9) %}{{ i }}{% endfor %}");
        var error = Assert.Throws<TemplateException>(() => template.Render(null, source.Token));
        Assert.Equal(ErrorKind.Cancelled, error.Kind);
    }

    [Fact]
    public void Render_DeepRecursiveLoop_StopsAtMaxRecursion()
    {
        var nested = "[]";
        for (var i = 0; i < 60; i++)
        {
            nested = "[" + nested + "]";
        }

        var error = TestJinja.Fails("{% for x in " + nested + " recursive %}{{ loop(x) }}{% endfor %}", options: new EnvironmentOptions { MaxRecursion = 20 });
        Assert.Equal(ErrorKind.RecursionLimit, error.Kind);
    }

    [Fact]
    public void Render_UnderFrenchCulture_PrintsInvariantNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr-CA");
            Assert.Equal("0.3 -5 1.5", TestJinja.Render("{{ 0.1 + 0.2 > 0.3 and 0.3 }} {{ -5 }} {{ x }}", new { x = 1.5 }));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Render_SameTemplateOnManyThreads_GivesTheSameOutput()
    {
        var env = new Environment();
        var template = env.FromString(
            "{% macro row(i) %}<{{ i }}:{{ name }}>{% endmacro %}{% set ns = namespace(t=0) %}{% for i in range(50) %}{{ row(i) }}{% set ns.t = ns.t + i %}{% endfor %}{{ ns.t }}");
        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = template.Render(new Dictionary<string, object?> { ["name"] = "n" + (i % 4) }, TestContext.Current.CancellationToken));
        for (var i = 0; i < results.Length; i++)
        {
            Assert.EndsWith(">1225", results[i], StringComparison.Ordinal);
            Assert.Contains("<49:n" + (i % 4) + ">", results[i], StringComparison.Ordinal);
        }
    }
}
