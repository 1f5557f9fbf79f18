using Cedule.Jinja.Values;

namespace Cedule.Jinja.Tests.Values;

public class PyFormatTests
{
    private static string Percent(string format, params object?[] values) =>
        PyFormat.Percent(format, values.Length == 1 ? values[0] : new PyTuple(values));

    private static string Format(string format, params object?[] values) =>
        PyFormat.Format(format, new Arguments(values));

    [Fact]
    public void Percent_Conversions_MatchPython()
    {
        Assert.Equal("  3.1|ab   |00042|ff|FF|10|1.234568e+04|1.234e-05|%", Percent("%5.1f|%-5s|%05d|%x|%X|%o|%e|%g|%%", 3.14159, "ab", 42L, 255L, 255L, 8L, 12345.678, 0.00001234));
        Assert.Equal("+5  5 0xff 0o10 007 A z", Percent("%+d % d %#x %#o %.3d %c %c", 5L, 5L, 255L, 8L, 7L, 65L, "z"));
        Assert.Equal("1-'x'", PyFormat.Percent("%(a)s-%(b)r", new PyDict { ["a"] = 1L, ["b"] = "x" }));
        Assert.Equal("[1]", PyFormat.Percent("%s", new List<object?> { 1L }));
        Assert.Equal("3", Percent("%d", 3.7));
        Assert.Equal("1e+16 1.23457e+08 1e-05 1E-10 1.00000", Percent("%g %g %g %G %#g", 1e16, 123456789L, 1e-5, 1e-10, 1.0));
        Assert.Equal("-1.234e+03|None      |", Percent("%10.3e|%-10s|", -1234.5, null));
        Assert.Equal("0 2 2", Percent("%.0f %.0f %.0f", 0.5, 1.5, 2.5));
        Assert.Equal("    3", Percent("%*d", 5L, 3L));
        Assert.Equal("   -0.0000", Percent("%10.4f", -0.0));
        Assert.Equal("inf NAN", Percent("%.2f %F", double.PositiveInfinity, double.NaN));
        Assert.Equal("'\\xe9'", Percent("%a", "é"));
    }

    [Theory]
    [InlineData("hello", 5L, "not all arguments converted during string formatting")]
    [InlineData("%x", 3.7, "%x format: an integer is required, not float")]
    [InlineData("%f", "a", "must be real number, not str")]
    [InlineData("%d", "a", "%d format: a real number is required, not str")]
    [InlineData("%s %s", 1L, "not enough arguments for format string")]
    [InlineData("%(a)s", 5L, "format requires a mapping")]
    [InlineData("%z", 1L, "unsupported format character 'z' (0x7a) at index 1")]
    [InlineData("%", 1L, "incomplete format")]
    public void Percent_BadInput_ThrowsPythonError(string format, object? value, string message) =>
        Assert.Equal(message, Assert.Throws<TemplateException>(() => PyFormat.Percent(format, value)).Detail);

    [Fact]
    public void Format_Specs_MatchPython()
    {
        Assert.Equal("    1|1    |  a  |***b***", Format("{:>5}|{:<5}|{:^5}|{:*^7}", true, 1L, "a", "b"));
        Assert.Equal("1,234,567 1_234_567 1,234.50 12.3% +1.234e+03 -003.142 0xff 0b101 10 A", Format("{:,} {:_} {:,.2f} {:.1%} {:+.3e} {:08.3f} {:#x} {:#b} {:o} {:c}", 1234567L, 1234567L, 1234.5, 0.1234, 1234.5, -3.14159, 255L, 5L, 8L, 65L));
        Assert.Equal("1.0 1.23e+02 1e+20 1e+20 2 +     42 1234", Format("{:.3} {:.3} {} {:g} {:.0f} {:=+8d} {:n}", 1.0, 123.456, 1e20, 1e20, 2.5, 42L, 1234L));
        Assert.Equal("       1.5|2         |         s", Format("{:10}|{:<10}|{:>10}", 1.5, 2L, "s"));
        Assert.Equal("01,234,567", Format("{:010,}", 1234567L));
        Assert.Equal("-00003.5", Format("{:08}", -3.5));
        Assert.Equal("2.67 0.1 100000 1e+06 0.10000000000000001", Format("{:.2f} {:.1f} {:g} {:g} {:.17}", 2.675, 0.05, 100000.0, 1000000.0, 0.1));
        Assert.Equal("{} {x} [1, 'a'] True", Format("{{}} {{x}} {} {}", new List<object?> { 1L, "a" }, true));
        Assert.Equal("1,234.5678 100000000000000000000.000 -ff", Format("{:,} {:.3f} {:x}", 1234.5678, System.Numerics.BigInteger.Pow(10, 20), -255L));
    }

    [Fact]
    public void Format_Fields_ResolveArgumentsAttributesAndItems()
    {
        var args = new Arguments([1L, "a"], [new("x", 2L), new("y", new List<object?> { 3L, 4L }), new("w", 10L), new("p", 2L)]);
        Assert.Equal("1 'a' 2 3 4", PyFormat.Format("{0} {1!r} {x} {y[0]} {y[1]}", args));
        Assert.Equal("      3.14", PyFormat.Format("{:{w}.{p}f}", new Arguments([3.14159], [new("w", 10L), new("p", 2L)])));
        Assert.Equal("5", Format("{0.real}", 5L));
        Assert.Equal("1", Format("{0[a]}", new PyDict { ["a"] = 1L }));
    }

    [Theory]
    [InlineData("{} {!r} {0}", "cannot switch from automatic field numbering to manual field specification")]
    [InlineData("{:d}", "Unknown format code 'd' for object of type 'float'")]
    [InlineData("{", "Single '{' encountered in format string")]
    [InlineData("}", "Single '}' encountered in format string")]
    [InlineData("{5}", "Replacement index 5 out of range for positional args tuple")]
    public void Format_BadInput_ThrowsPythonError(string format, string message) =>
        Assert.Equal(message, Assert.Throws<TemplateException>(() => Format(format, 1.5, "a")).Detail);
}
