using static Cedule.Jinja.Tests.Filters.FilterRendering;

namespace Cedule.Jinja.Tests.Filters;

public class NumberFilterTests
{
    [Theory]
    [InlineData("{{ ' 0x1F '|int(base=16) }}", "31")]
    [InlineData("{{ '0b101'|int(base=0) }}", "5")]
    [InlineData("{{ '1_000'|int }}|{{ '12.7'|int }}|{{ 'x'|int(7) }}|{{ none|int }}", "1000|12|7|0")]
    [InlineData("{{ 'abc'|float }}|{{ ' 1_0.5 '|float }}|{{ '-Infinity'|float }}", "0.0|10.5|-inf")]
    [InlineData("{{ 2.675|round(2) }}|{{ 15|round(-1) }}|{{ 2.5|round }}|{{ -0.5|round }}", "2.67|20|2.0|-0.0")]
    [InlineData("{{ 1.23456|round(2, 'ceil') }}|{{ 5|round(1, 'floor') }}", "1.24|5.0")]
    [InlineData("{{ 1000|filesizeformat }}|{{ 1|filesizeformat }}|{{ 1023|filesizeformat(true) }}|{{ 123456789|filesizeformat }}", "1.0 kB|1 Byte|1023 Bytes|123.5 MB")]
    [InlineData("{{ -5|abs }}|{{ -2.5|abs }}|{{ true|abs }}", "5|2.5|1")]
    public void NumberFilters_Render_LikeJinja(string template, string expected) =>
        Assert.Equal(expected, Render(template));

    [Fact]
    public void Int_Infinity_IsOverflowError() =>
        Assert.Equal(ErrorKind.OverflowError, Fails("{{ 'inf'|int }}").Kind);

    [Fact]
    public void Round_BadMethod_IsFilterArgumentError() =>
        Assert.Equal(ErrorKind.FilterArgumentError, Fails("{{ 4.5|round(0, 'x') }}").Kind);
}
