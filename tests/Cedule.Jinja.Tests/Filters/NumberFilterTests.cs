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
    // Fixed-point formatting on its stack fast path and beside it (values from Python 3.11).
    [InlineData("{{ '%.2f' % 0.05 }}", "0.05")]
    [InlineData("{{ '%.3f' % 0.0004 }}", "0.000")]
    [InlineData("{{ '%.3f' % 0.0005 }}", "0.001")]
    [InlineData("{{ '%.2f' % 2.675 }}", "2.67")]
    [InlineData("{{ '%.1f' % 0.25 }}", "0.2")]
    [InlineData("{{ '%.2f' % 1234.5 }}", "1234.50")]
    [InlineData("{{ '%.0f' % 2.5 }}", "2")]
    [InlineData("{{ '%#.0f' % 2.5 }}", "2.")]
    [InlineData("{{ '%.19f' % 0.1 }}", "0.1000000000000000056")]
    [InlineData("{{ '%.20f' % 0.1 }}", "0.10000000000000000555")]
    [InlineData("{{ '%.2f' % 1e300 }}", "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.00")]
    [InlineData("{{ '{:.2f}'.format(-3.14159) }}", "-3.14")]
    [InlineData("{{ '%.2f'|format(9007199254740993) }}", "9007199254740992.00")]
    public void NumberFilters_Render_LikeJinja(string template, string expected) =>
        Assert.Equal(expected, Render(template));

    [Fact]
    public void Int_Infinity_IsOverflowError() =>
        Assert.Equal(ErrorKind.OverflowError, Fails("{{ 'inf'|int }}").Kind);

    [Fact]
    public void Round_BadMethod_IsFilterArgumentError() =>
        Assert.Equal(ErrorKind.FilterArgumentError, Fails("{{ 4.5|round(0, 'x') }}").Kind);
}
