using Cedule.Jinja.Values;

namespace Cedule.Jinja.Tests.Values;

public class PyOpsSequenceTests
{
    [Fact]
    public void Slice_Steps_MatchPython()
    {
        Assert.Equal("olleh", PyOps.Slice("hello", null, null, -1L));
        Assert.Equal("hlo", PyOps.Slice("hello", null, null, 2L));
        Assert.Equal("el", PyOps.Slice("hello", 1L, 3L, null));
        Assert.Equal("lo", PyOps.Slice("hello", -2L, null, null));
        Assert.Equal("[3, 2]", PyOps.ToStr(PyOps.Slice(new List<object?> { 1L, 2L, 3L }, null, 0L, -1L)));
        Assert.Equal("(2,)", PyOps.ToStr(PyOps.Slice(new PyTuple(1L, 2L), 1L, 100L, null)));
        Assert.Equal("slice step cannot be zero", Assert.Throws<TemplateException>(() => PyOps.Slice("a", null, null, 0L)).Detail);
    }

    [Fact]
    public void TryGetItem_Indexes_MatchPython()
    {
        var list = new List<object?> { "a", "b" };
        Assert.True(PyOps.TryGetItem(list, -1L, out var last));
        Assert.Equal("b", last);
        Assert.False(PyOps.TryGetItem(list, 2L, out _));
        Assert.False(PyOps.TryGetItem(list, "x", out _));
        Assert.True(PyOps.TryGetItem("héllo", 1L, out var c));
        Assert.Equal("é", c);
        Assert.True(PyOps.TryGetItem("a😀b", 2L, out var astral));
        Assert.Equal("b", astral);
        Assert.Equal(3L, PyOps.Length("a😀b"));
        var dict = new PyDict { [1L] = "one" };
        Assert.True(PyOps.TryGetItem(dict, 1.0, out var one));
        Assert.Equal("one", one);
    }

    [Fact]
    public void Contains_Types_MatchPython()
    {
        Assert.True(PyOps.Contains("hello", "ell"));
        Assert.True(PyOps.Contains(new List<object?> { 1L, 2L }, 2.0));
        Assert.True(PyOps.Contains(new PyDict { ["a"] = 1L }, "a"));
        Assert.False(PyOps.Contains(new Undefined(), "a"));
        Assert.Equal("'in <string>' requires string as left operand, not int", Assert.Throws<TemplateException>(() => PyOps.Contains("a", 1L)).Detail);
        Assert.Equal("argument of type 'int' is not iterable", Assert.Throws<TemplateException>(() => PyOps.Contains(1L, 1L)).Detail);
    }

    [Fact]
    public void Iterate_Values_YieldPythonItems()
    {
        Assert.Equal(["a", "b"], PyOps.Iterate("ab"));
        Assert.Equal(["k"], PyOps.Iterate(new PyDict { ["k"] = 1L }));
        Assert.Empty(PyOps.Iterate(new Undefined()));
        Assert.Throws<TemplateException>(() => PyOps.Iterate(new Undefined(isStrict: true)));
        Assert.Equal("'int' object is not iterable", Assert.Throws<TemplateException>(() => PyOps.Iterate(1L)).Detail);
    }

    [Fact]
    public void IsTrue_Values_FollowPython()
    {
        Assert.False(PyOps.IsTrue(null));
        Assert.False(PyOps.IsTrue(0L));
        Assert.False(PyOps.IsTrue(0.0));
        Assert.False(PyOps.IsTrue(string.Empty));
        Assert.False(PyOps.IsTrue(new List<object?>()));
        Assert.False(PyOps.IsTrue(new PyDict()));
        Assert.False(PyOps.IsTrue(new Undefined()));
        Assert.True(PyOps.IsTrue("0"));
        Assert.True(PyOps.IsTrue(new PyTuple(PyTuple.Empty)));
    }
}
