using System.Numerics;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Tests.Values;

public class PyOpsStrTests
{
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(1e100, "1e+100")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    [InlineData(double.NaN, "nan")]
    [InlineData(123.456, "123.456")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(12345678901234567.0, "1.2345678901234568e+16")]
    public void ToStr_Float_MatchesPython(double value, string expected) =>
        Assert.Equal(expected, PyOps.ToStr(value));

    [Fact]
    public void ToStr_Scalars_MatchPython()
    {
        Assert.Equal("None", PyOps.ToStr(null));
        Assert.Equal("True", PyOps.ToStr(true));
        Assert.Equal("False", PyOps.ToStr(false));
        Assert.Equal("-42", PyOps.ToStr(-42L));
        Assert.Equal("100000000000000000000", PyOps.ToStr(BigInteger.Pow(10, 20)));
        Assert.Equal(string.Empty, PyOps.ToStr(new Undefined(name: "x")));
    }

    [Fact]
    public void ToStr_Containers_UseRepr()
    {
        Assert.Equal("['a', 1]", PyOps.ToStr(new List<object?> { "a", 1L }));
        var dict = new PyDict { ["a"] = null };
        Assert.Equal("{'a': None}", PyOps.ToStr(dict));
        Assert.Equal("(1,)", PyOps.ToStr(new PyTuple(1L)));
        Assert.Equal("()", PyOps.ToStr(PyTuple.Empty));
        Assert.Equal("[\"it's\", 'a\"b', 'both\\'\"']", PyOps.ToStr(new List<object?> { "it's", "a\"b", "both'\"" }));
        Assert.Equal("[[1.5, True], (None, Undefined)]", PyOps.ToStr(new List<object?> { new List<object?> { 1.5, true }, new PyTuple(null, new Undefined()) }));
    }

    [Theory]
    [InlineData("a\nb\t\\", "'a\\nb\\t\\\\'")]
    [InlineData("\u0001\u007f", "'\\x01\\x7f'")]
    [InlineData("é ü 日本", "'é ü 日本'")]
    [InlineData("\u00a0\u200b", "'\\xa0\\u200b'")]
    [InlineData("😀", "'😀'")]
    public void Repr_String_EscapesAsPython(string value, string expected) =>
        Assert.Equal(expected, PyOps.Repr(value));

    [Fact]
    public void ToStr_SelfContainingList_PrintsEllipsis()
    {
        var list = new List<object?> { 1L };
        list.Add(list);
        Assert.Equal("[1, [...]]", PyOps.ToStr(list));
    }

    [Fact]
    public void ToStr_UnderFrenchCulture_StaysInvariant()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("fr-CA");
            Assert.Equal("0.30000000000000004", PyOps.ToStr(0.1 + 0.2));
            Assert.Equal("[1.5, -3]", PyOps.ToStr(new List<object?> { 1.5, -3L }));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
