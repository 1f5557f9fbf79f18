using System.Numerics;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Tests.Values;

public class PyOpsArithmeticTests
{
    [Fact]
    public void Add_IntOverflow_PromotesToBigInteger()
    {
        var result = PyOps.Add(long.MaxValue, 1L);
        Assert.Equal(new BigInteger(long.MaxValue) + 1, Assert.IsType<BigInteger>(result));
        Assert.Equal(long.MaxValue, PyOps.Subtract(result, 1L));
    }

    [Fact]
    public void Add_MixedTypes_FollowsPython()
    {
        Assert.Equal(2L, PyOps.Add(true, 1L));
        Assert.Equal(2.5, PyOps.Add(1L, 1.5));
        Assert.Equal("ab", PyOps.Add("a", "b"));
        Assert.Equal(new List<object?> { 1L, 2L }, (List<object?>)PyOps.Add(new List<object?> { 1L }, new List<object?> { 2L })!);
        Assert.Equal("(1, 2)", PyOps.ToStr(PyOps.Add(new PyTuple(1L), new PyTuple(2L))));
    }

    [Theory]
    [InlineData(1L, "a", "unsupported operand type(s) for +: 'int' and 'str'")]
    [InlineData("a", 1L, "can only concatenate str (not \"int\") to str")]
    [InlineData(null, 1L, "unsupported operand type(s) for +: 'NoneType' and 'int'")]
    public void Add_Incompatible_ThrowsPythonTypeError(object? left, object? right, string message)
    {
        var error = Assert.Throws<TemplateException>(() => PyOps.Add(left, right));
        Assert.Equal(ErrorKind.TypeError, error.Kind);
        Assert.Equal(message, error.Detail);
    }

    [Theory]
    [InlineData(-7L, 2L, -4L)]
    [InlineData(7L, -2L, -4L)]
    [InlineData(7L, 2L, 3L)]
    [InlineData(-8L, 2L, -4L)]
    public void FloorDivide_Ints_RoundsTowardNegativeInfinity(long a, long b, long expected) =>
        Assert.Equal(expected, PyOps.FloorDivide(a, b));

    [Theory]
    [InlineData(-7L, 3L, 2L)]
    [InlineData(7L, -3L, -2L)]
    [InlineData(7L, 3L, 1L)]
    [InlineData(long.MinValue, -1L, 0L)]
    public void Modulo_Ints_TakesSignOfDivisor(long a, long b, long expected) =>
        Assert.Equal(expected, PyOps.Modulo(a, b));

    [Fact]
    public void Modulo_Floats_MatchPython()
    {
        Assert.Equal(2.5, PyOps.Modulo(-7.5, 5L));
        Assert.Equal(-2.5, PyOps.Modulo(7.5, -5L));
        Assert.Equal("-0.0", PyOps.ToStr(PyOps.Modulo(0.0, -1.0)));
        Assert.Equal(-4.0, PyOps.FloorDivide(-7.0, 2L));
    }

    [Fact]
    public void Divide_Ints_ReturnsFloat()
    {
        Assert.Equal(3.5, PyOps.Divide(7L, 2L));
        Assert.Equal("2.0", PyOps.ToStr(PyOps.Divide(4L, 2L)));
        var error = Assert.Throws<TemplateException>(() => PyOps.Divide(1L, 0L));
        Assert.Equal(ErrorKind.ZeroDivisionError, error.Kind);
        Assert.Equal("division by zero", error.Detail);
        Assert.Equal("float division by zero", Assert.Throws<TemplateException>(() => PyOps.Divide(1.0, 0L)).Detail);
        Assert.Equal("integer division or modulo by zero", Assert.Throws<TemplateException>(() => PyOps.FloorDivide(1L, 0L)).Detail);
        Assert.Equal("integer modulo by zero", Assert.Throws<TemplateException>(() => PyOps.Modulo(1L, 0L)).Detail);
    }

    [Fact]
    public void Power_Cases_MatchPython()
    {
        Assert.Equal(1024L, PyOps.Power(2L, 10L));
        Assert.Equal(0.5, PyOps.Power(2L, -1L));
        Assert.Equal(BigInteger.Pow(2, 100), PyOps.Power(2L, 100L));
        Assert.Equal(-27L, PyOps.Power(-3L, 3L));
        Assert.Equal("0.0 cannot be raised to a negative power", Assert.Throws<TemplateException>(() => PyOps.Power(0L, -1L)).Detail);
    }

    [Fact]
    public void Power_Huge_RunsOutOfFuel()
    {
        var runtime = new FuelRuntime(1_000_000);
        var error = Assert.Throws<TemplateException>(() => PyOps.Power(2L, 100_000_000L, runtime));
        Assert.Equal(ErrorKind.FuelExhausted, error.Kind);
    }

    [Fact]
    public void Multiply_HugeRepeat_RunsOutOfFuel()
    {
        var runtime = new FuelRuntime(1_000_000);
        Assert.Equal(ErrorKind.FuelExhausted, Assert.Throws<TemplateException>(() => PyOps.Multiply("x", 1_000_000_000L, runtime)).Kind);
        Assert.Equal(ErrorKind.FuelExhausted, Assert.Throws<TemplateException>(() => PyOps.Multiply(new List<object?> { 0L }, 1_000_000_000L, runtime)).Kind);
    }

    [Fact]
    public void Multiply_Sequences_Repeat()
    {
        Assert.Equal("ababab", PyOps.Multiply("ab", 3L));
        Assert.Equal("ab", PyOps.Multiply(true, "ab"));
        Assert.Equal(string.Empty, PyOps.Multiply("ab", -2L));
        Assert.Equal("[1, 1]", PyOps.ToStr(PyOps.Multiply(new List<object?> { 1L }, 2L)));
        Assert.Equal("can't multiply sequence by non-int of type 'float'", Assert.Throws<TemplateException>(() => PyOps.Multiply("a", 1.5)).Detail);
        Assert.Equal(new BigInteger(long.MaxValue) * 2, PyOps.Multiply(long.MaxValue, 2L));
    }

    [Fact]
    public void Negate_Values_MatchPython()
    {
        Assert.Equal(-1L, PyOps.Negate(true));
        Assert.Equal(-(new BigInteger(long.MinValue)), PyOps.Negate(long.MinValue));
        Assert.Equal("bad operand type for unary -: 'str'", Assert.Throws<TemplateException>(() => PyOps.Negate("a")).Detail);
    }

    [Fact]
    public void Arithmetic_WithUndefined_FailsWithUndefinedError()
    {
        var error = Assert.Throws<TemplateException>(() => PyOps.Add(1L, new Undefined(name: "x")));
        Assert.Equal(ErrorKind.UndefinedError, error.Kind);
        Assert.Equal("'x' is undefined", error.Detail);
    }
}

public class PyOpsBigNumberTests
{
    [Fact]
    public void Divide_BigInts_RoundsOnceLikePython()
    {
        Assert.Equal("1.4285714285714285e+29", PyOps.ToStr(PyOps.Divide(System.Numerics.BigInteger.Pow(10, 30), 7L)));
        Assert.Equal("-6e-18", PyOps.ToStr(PyOps.Divide(-6L, 1000000000000000012L)));
    }

    [Fact]
    public void Multiply_BigIntByFloat_ConvertsWithHalfEvenRounding() =>
        Assert.Equal("1e+22", PyOps.ToStr(PyOps.Multiply(-1e3, -System.Numerics.BigInteger.Pow(10, 19) + 40)));
}
