using Cedule.Jinja.Values;

namespace Cedule.Jinja.Tests.Values;

public class PyOpsCompareTests
{
    [Fact]
    public void LessThan_MixedNumbers_Compare()
    {
        Assert.True(PyOps.LessThan(1L, 1.5));
        Assert.True(PyOps.LessThan(false, 1L));
        Assert.False(PyOps.LessThan(double.NaN, 1L));
        Assert.True(PyOps.LessThan("a", "b"));
        Assert.True(PyOps.LessThan(new List<object?> { 1L, 2L }, new List<object?> { 1L, 3L }));
        Assert.True(PyOps.LessThan(new PyTuple(1L), new PyTuple(1L, 0L)));
    }

    [Fact]
    public void LessThan_Incomparable_ThrowsTypeError()
    {
        var error = Assert.Throws<TemplateException>(() => PyOps.LessThan(1L, "a"));
        Assert.Equal(ErrorKind.TypeError, error.Kind);
        Assert.Equal("'<' not supported between instances of 'int' and 'str'", error.Detail);
        Assert.Equal("'>=' not supported between instances of 'NoneType' and 'int'", Assert.Throws<TemplateException>(() => PyOps.GreaterOrEqual(null, 1L)).Detail);
    }

    [Fact]
    public void Sort_MixedTypes_NamesOperandsAsPython()
    {
        var error = Assert.Throws<TemplateException>(() => PySort.Sort(new List<object?> { 1L, "a" }, PyOps.LessThan));
        Assert.Equal("'<' not supported between instances of 'str' and 'int'", error.Detail);
    }

    [Fact]
    public void Sort_Large_IsStable()
    {
        var items = new List<object?>();
        for (var i = 0L; i < 500; i++)
        {
            items.Add(new PyTuple((i * 7919) % 13, i));
        }

        PySort.Sort(items, static (a, b) => PyOps.LessThan(((PyTuple)a!)[0], ((PyTuple)b!)[0]));
        for (var i = 1; i < items.Count; i++)
        {
            var previous = (PyTuple)items[i - 1]!;
            var current = (PyTuple)items[i]!;
            Assert.True((long)previous[0]! < (long)current[0]! || ((long)previous[0]! == (long)current[0]! && (long)previous[1]! < (long)current[1]!));
        }
    }

    [Fact]
    public void CompareCodePoints_Astral_SortsAfterBmp() =>
        Assert.True(PyOps.CompareCodePoints("😀", "\uffff") > 0);
}
