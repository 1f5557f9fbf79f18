using Cedule.Jinja.Values;

namespace Cedule.Jinja.Tests.Values;

public class PyMethodsTests
{
    private static object? Call(object? target, string name, params object?[] args) =>
        PyMethods.TryCallMethod(new FuelRuntime(), target, name, new Arguments(args), out var result)
            ? result
            : throw new InvalidOperationException("no method " + name);

    [Fact]
    public void Split_Whitespace_FollowsPythonRules()
    {
        Assert.Equal("['a', 'b', 'c']", PyOps.ToStr(Call("  a b\t c  ", "split")));
        Assert.Equal("['a', 'b  c  ']", PyOps.ToStr(Call("  a  b  c  ", "split", null, 1L)));
        Assert.Equal("['  a  b', 'c']", PyOps.ToStr(Call("  a  b  c  ", "rsplit", null, 1L)));
        Assert.Equal("['a', '', 'b']", PyOps.ToStr(Call("a,,b", "split", ",")));
        Assert.Equal("['a,b', 'c']", PyOps.ToStr(Call("a,b,c", "rsplit", ",", 1L)));
        Assert.Equal("[]", PyOps.ToStr(Call("   ", "split")));
    }

    [Fact]
    public void StrMethods_Common_MatchPython()
    {
        Assert.Equal("HELLO", Call("hello", "upper"));
        Assert.Equal("STRASSE", Call("straße", "upper"));
        Assert.Equal("They'Re 1St", Call("they're 1st", "title"));
        Assert.Equal("Hello world", Call("hELLO WORLD", "capitalize"));
        Assert.Equal("x", Call("hixih", "strip", "hi"));
        Assert.Equal("a-b-c", Call("a b c", "replace", " ", "-"));
        Assert.Equal("a-b c", Call("a b c", "replace", " ", "-", 1L));
        Assert.Equal("-a-b-", Call("ab", "replace", string.Empty, "-"));
        Assert.Equal(true, Call("hello", "startswith", new PyTuple("x", "he")));
        Assert.Equal(2L, Call("hello", "find", "l"));
        Assert.Equal(3L, Call("hello", "rfind", "l"));
        Assert.Equal(-1L, Call("hello", "find", "z"));
        Assert.Equal(2L, Call("hello", "count", "l"));
        Assert.Equal("  ab  ", Call("ab", "center", 6L));
        Assert.Equal("abc ", Call("abc", "center", 4L));
        Assert.Equal("-007", Call("-7", "zfill", 4L));
        Assert.Equal("a, b", Call(", ", "join", new List<object?> { "a", "b" }));
        Assert.Equal("('a', ',', 'b,c')", PyOps.ToStr(Call("a,b,c", "partition", ",")));
        Assert.Equal("['a', 'b', '', 'c']", PyOps.ToStr(Call("a\nb\r\n\nc", "splitlines")));
        Assert.Equal("substring not found", Assert.Throws<TemplateException>(() => Call("a", "index", "b")).Detail);
        Assert.Equal("str.upper() takes no arguments (1 given)", Assert.Throws<TemplateException>(() => Call("a", "upper", 1L)).Detail);
    }

    [Fact]
    public void ListMethods_Mutate_InPlace()
    {
        var list = new List<object?> { 3L, 1L };
        Assert.Null(Call(list, "append", 2L));
        Assert.Null(PyMethods.TryCallMethod(new FuelRuntime(), list, "sort", new Arguments([], [new("reverse", true)]), out var result) ? result : "x");
        Assert.Equal("[3, 2, 1]", PyOps.ToStr(list));
        Assert.Equal(1L, Call(list, "pop"));
        Assert.Equal(3L, Call(list, "pop", 0L));
        Assert.Equal("pop index out of range", Assert.Throws<TemplateException>(() => Call(list, "pop", 5L)).Detail);
        Assert.Equal("5 is not in list", Assert.Throws<TemplateException>(() => Call(list, "index", 5L)).Detail);
    }

    [Fact]
    public void DictMethods_Views_PrintAsPython()
    {
        var dict = new PyDict { ["a"] = 1L, ["b"] = 2L };
        Assert.Equal("dict_items([('a', 1), ('b', 2)])", PyOps.ToStr(Call(dict, "items")));
        Assert.Equal("dict_keys(['a', 'b'])", PyOps.ToStr(Call(dict, "keys")));
        Assert.Equal(2L, Call(dict, "get", "b"));
        Assert.Equal("x", Call(dict, "get", "z", "x"));
        Assert.Equal(2L, Call(dict, "pop", "b"));
        Assert.Equal("KeyError", Assert.Throws<TemplateException>(() => Call(dict, "pop", "b")).Kind.ToString());
        Assert.Null(PyMethods.TryCallMethod(new FuelRuntime(), dict, "update", new Arguments([new List<object?> { new PyTuple("c", 3L) }], [new("d", 4L)]), out var r) ? r : "x");
        Assert.Equal("{'a': 1, 'c': 3, 'd': 4}", PyOps.ToStr(dict));
    }

    [Fact]
    public void TryGetAttribute_Numbers_ExposeDataAttributes()
    {
        Assert.True(PyMethods.TryGetAttribute(5L, "real", out var real));
        Assert.Equal(5L, real);
        Assert.False(PyMethods.TryGetAttribute(5L, "is_integer", out _));
        Assert.Equal(true, Call(2.0, "is_integer"));
    }
}

public class PyMethodsCaseTests
{
    [Theory]
    [InlineData("ΣΑΣ", "title", "Σας")]
    [InlineData("ΣΑΣ", "swapcase", "σας")]
    [InlineData("ΣΑΣ", "lower", "σας")]
    [InlineData("Σ", "lower", "σ")]
    [InlineData("ǆemal", "title", "ǅemal")]
    public void CaseMethods_Greek_ApplyFinalSigma(string text, string method, string expected) =>
        Assert.Equal(expected, PyMethods.TryCallMethod(new FuelRuntime(), text, method, Arguments.Empty, out var result) ? result : null);
}

public class PyBytesTests
{
    [Fact]
    public void Encode_Utf8_PrintsAsPythonBytes()
    {
        var runtime = new FuelRuntime();
        Assert.True(PyMethods.TryCallMethod(runtime, "h\u00e9llo", "encode", Arguments.Empty, out var bytes));
        Assert.Equal("b'h\\xc3\\xa9llo'", PyOps.ToStr(bytes));
        Assert.Equal(6L, PyOps.Length(bytes));
        Assert.Equal("bytes", PyOps.TypeName(bytes));
    }
}
