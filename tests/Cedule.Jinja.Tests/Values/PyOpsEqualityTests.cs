using System.Numerics;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Tests.Values;

public class PyOpsEqualityTests
{
    [Fact]
    public void Equals_Numbers_CompareAcrossTypes()
    {
        Assert.True(PyOps.Equals(1L, 1.0));
        Assert.True(PyOps.Equals(true, 1L));
        Assert.True(PyOps.Equals(1.0, true));
        Assert.False(PyOps.Equals(1L, "1"));
        Assert.False(PyOps.Equals(double.NaN, double.NaN));
        Assert.True(PyOps.Equals(new BigInteger(long.MaxValue) + 1, 9223372036854775808.0));
        Assert.Equal(PyOps.GetHashCode(1L), PyOps.GetHashCode(1.0));
        Assert.Equal(PyOps.GetHashCode(1L), PyOps.GetHashCode(true));
    }

    [Fact]
    public void Equals_Containers_AreStructural()
    {
        Assert.True(PyOps.Equals(new List<object?> { 1L, "a" }, new List<object?> { 1.0, "a" }));
        Assert.False(PyOps.Equals(new List<object?> { 1L }, new PyTuple(1L)));
        Assert.True(PyOps.Equals(new PyTuple(1L, 2L), new PyTuple(1L, 2L)));
        var a = new PyDict { ["x"] = 1L, ["y"] = 2L };
        var b = new PyDict { ["y"] = 2.0, ["x"] = 1L };
        Assert.True(PyOps.Equals(a, b));
        Assert.True(PyOps.Equals(new Undefined(), new Undefined()));
        Assert.False(PyOps.Equals(new Undefined(), null));
    }

    [Fact]
    public void GetHashCode_List_IsUnhashable()
    {
        var error = Assert.Throws<TemplateException>(() => PyOps.GetHashCode(new List<object?>()));
        Assert.Equal("unhashable type: 'list'", error.Detail);
    }

    [Fact]
    public void PyDict_NumericKeys_AreOneKey()
    {
        var dict = new PyDict { [1L] = "a" };
        dict[1.0] = "b";
        dict[true] = "c";
        Assert.Equal(1, dict.Count);
        Assert.Equal("{1: 'c'}", PyOps.ToStr(dict));
        dict[null] = 2L;
        Assert.Equal("{1: 'c', None: 2}", PyOps.ToStr(dict));
        Assert.True(dict.Remove(1.0, out var removed));
        Assert.Equal("c", removed);
        dict["z"] = 3L;
        Assert.Equal("{None: 2, 'z': 3}", PyOps.ToStr(dict));
    }

    [Fact]
    public void PyDict_ManyRemovals_KeepsOrder()
    {
        var dict = new PyDict();
        for (var i = 0L; i < 100; i++)
        {
            dict[i] = i;
            if (i % 3 == 0)
            {
                dict.Remove(i, out _);
            }
        }

        var keys = dict.KeysList();
        Assert.Equal(66, keys.Count);
        Assert.Equal(1L, keys[0]);
        Assert.Equal(99L - 1, keys[^1]);
    }
}
