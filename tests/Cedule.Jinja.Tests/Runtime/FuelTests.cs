using System.Diagnostics;

namespace Cedule.Jinja.Tests.Runtime;

/// <summary>
/// Single operations whose cost grows with an argument pay fuel before they allocate, and
/// integers follow Python 3.11's 4300-digit limit for decimal text. Expected values and error
/// messages are Jinja2 3.1.2's on Python 3.11 (checked with <c>/usr/bin/python3</c>).
/// </summary>
public sealed class FuelTests
{
    private static readonly EnvironmentOptions Fuel = new() { MaxFuel = 1_000_000 };

    [Theory]
    [InlineData("{{ [1]|batch(10**9, 0)|list|length }}")]
    [InlineData("{{ [1]|slice(10**9)|list|length }}")]
    [InlineData("{{ ([1] * 10**5)|join(',' * 10**4)|length }}")]
    [InlineData("{{ ('x' * 1000)|replace('', 'y' * 10**4) }}")]
    [InlineData("{{ '{:>99999999}'.format(1) }}")]
    [InlineData("{{ '{:.99999999f}'.format(1.5) }}")]
    [InlineData("{{ '%.99999999d' % 1 }}")]
    [InlineData("{{ range(10**5)|list|sort|length }}")]
    [InlineData("{% set l = range(10**5)|list %}{% do l.sort() %}")]
    public void Render_OperationLargerThanFuel_RunsOutOfFuelQuickly(string source)
    {
        var clock = Stopwatch.StartNew();
        var error = TestJinja.Fails(source, options: Fuel);
        Assert.Equal(ErrorKind.FuelExhausted, error.Kind);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("{{ ('x' * 10000)|replace('x', 'yy')|length }}", "20000")]
    [InlineData("{{ ('x' * 10000)|replace('x', 'yy', 10)|length }}", "10010")]
    [InlineData("{{ (['ab'] * 10000)|join(', ')|length }}", "39998")]
    [InlineData("{{ [1, 2, 3]|batch(2, 0)|list }}", "[[1, 2], [3, 0]]")]
    [InlineData("{{ [1, 2, 3]|slice(5)|list }}", "[[1], [2], [3], [], []]")]
    public void Render_OperationWithinFuel_IsChargedInProportionToItsResult(string source, string expected) =>
        Assert.Equal(expected, TestJinja.Render(source, options: new EnvironmentOptions { MaxFuel = 100_000 }));

    [Theory]
    [InlineData("{{ range(10**18)|length }}", "1000000000000000000")]
    [InlineData("{{ range(10**18)|count }}", "1000000000000000000")]
    [InlineData("{{ range(2**63-1)|length }}", "9223372036854775807")]
    [InlineData("{{ range(10**18)|last }}", "999999999999999999")]
    [InlineData("{{ range(10**18)[-1] }}", "999999999999999999")]
    [InlineData("{{ (1)[0] }}", "")]
    [InlineData("{{ (1)[0] is defined }}", "False")]
    [InlineData("{{ none.x }}", "")]
    [InlineData("{{ none[0] }}", "")]
    [InlineData("{{ (1).x }}", "")]
    [InlineData("{{ 1.5[0] }}", "")]
    [InlineData("{{ true[0] }}", "")]
    [InlineData("{{ 'abc'.x }}", "")]
    [InlineData("{{ 'abc'[5] }}", "")]
    [InlineData("{{ ('1' * 4300)|int|string|length }}", "4300")]
    [InlineData("{{ (10**4299)|string|length }}", "4300")]
    [InlineData("{{ (-10**4299)|string|length }}", "4301")]
    [InlineData("{{ 10**5000 > 5 }}", "True")]
    [InlineData("{{ '{:o}'.format(2**100) }} {{ '%o' % 2**100 }} {{ '{:b}'.format(10) }}", "2000000000000000000000000000000000 2000000000000000000000000000000000 1010")]
    public void Render_LargeValues_AsJinja2(string source, string expected) =>
        Assert.Equal(expected, TestJinja.Render(source, options: Fuel));

    [Theory]
    [InlineData("{{ range(2**63)|length }}", ErrorKind.OverflowError, "Python int too large to convert to C ssize_t")]
    [InlineData("{{ range(-2**63, 2**63-1)|length }}", ErrorKind.OverflowError, "Python int too large to convert to C ssize_t")]
    [InlineData("{{ (1)[0].y }}", ErrorKind.UndefinedError, "int object has no element 0")]
    [InlineData("{{ none.x.y }}", ErrorKind.UndefinedError, "'None' has no attribute 'x'")]
    [InlineData("{{ 10**5000 }}", ErrorKind.ValueError, "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")]
    [InlineData("{{ (10**4300)|string }}", ErrorKind.ValueError, "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")]
    [InlineData("{{ '%d' % 10**5000 }}", ErrorKind.ValueError, "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")]
    [InlineData("{{ '{}'.format(10**5000) }}", ErrorKind.ValueError, "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")]
    [InlineData("{{ ('1' * 5000)|int }}", ErrorKind.OverflowError, "cannot convert float infinity to integer")]
    public void Render_LargeValues_FailAsJinja2(string source, ErrorKind kind, string detail)
    {
        var error = TestJinja.Fails(source, options: Fuel);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(detail, error.Detail);
    }

    [Fact]
    public void Parse_DecimalLiteralOver4300Digits_FailsWithValueErrorQuickly()
    {
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<TemplateException>(() => new Environment().FromString("{{ 1" + new string('0', 1_000_000) + " }}"));
        Assert.Equal(ErrorKind.ValueError, error.Kind);
        Assert.Equal(
            "Exceeds the limit (4300 digits) for integer string conversion: value has 1000001 digits; use sys.set_int_max_str_digits() to increase the limit",
            error.Detail);
        Assert.Equal(4, error.Column);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Parse_HexLiteralOfAMillionDigits_IsLinear()
    {
        // Python has no limit for power-of-two bases; the literal must still parse in linear time.
        var clock = Stopwatch.StartNew();
        Assert.Equal("True", TestJinja.Render("{{ 0x" + new string('f', 1_000_000) + " > 1 }}"));
        Assert.Equal("4000", TestJinja.Render("{{ '{:x}'.format(0x" + new string('f', 4_000) + ")|length }}"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }
}
