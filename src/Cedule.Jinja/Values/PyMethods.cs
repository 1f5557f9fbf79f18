using System.Numerics;

namespace Cedule.Jinja.Values;

/// <summary>
/// The methods of Python's built-in types that templates call: <c>'a,b'.split(',')</c>,
/// <c>items.append(x)</c>, <c>d.get('k')</c>, <c>(1.5).is_integer()</c>. Behaviour and error
/// messages are those of Python 3.
/// </summary>
public static partial class PyMethods
{
    private static readonly Dictionary<string, MethodImpl> StrMethods = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, MethodImpl> ListMethods = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, MethodImpl> DictMethods = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, MethodImpl> TupleMethods = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, MethodImpl> IntMethods = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, MethodImpl> FloatMethods = new(StringComparer.Ordinal);

#pragma warning disable CA1810 // The tables are filled by the partial files; one static constructor keeps them in one place.
    static PyMethods()
#pragma warning restore CA1810
    {
        RegisterStrMethods(StrMethods);
        RegisterStrSearchMethods(StrMethods);
        RegisterStrSplitMethods(StrMethods);
        RegisterStrCaseMethods(StrMethods);
        RegisterListMethods(ListMethods);
        TupleMethods["count"] = static (_, s, a) =>
        {
            var item = MethodArgs.One(a, "tuple.count");
            var count = 0L;
            foreach (var candidate in ((PyTuple)s).AsSpan())
            {
                if (ReferenceEquals(candidate, item) || PyOps.Equals(candidate, item))
                {
                    count++;
                }
            }

            return PyOps.Box(count);
        };
        TupleMethods["index"] = static (_, s, a) =>
        {
            MethodArgs.Range(a, "index", "tuple.index", 1, 3);
            var tuple = (PyTuple)s;
            var start = a.Count > 1 ? MethodArgs.Index(a.Positional[1]) : 0;
            var stop = a.Count > 2 ? MethodArgs.Index(a.Positional[2]) : long.MaxValue;
            start = start < 0 ? Math.Max(0, start + tuple.Count) : Math.Min(start, tuple.Count);
            stop = stop < 0 ? Math.Max(0, stop + tuple.Count) : Math.Min(stop, tuple.Count);
            var index = PyOps.IndexOf(tuple, a.Positional[0], (int)start, (int)stop);
            return index >= 0
                ? PyOps.Box(index)
                : throw new TemplateException(ErrorKind.ValueError, "tuple.index(x): x not in tuple");
        };
        RegisterDictMethods(DictMethods);
        RegisterNumberMethods(IntMethods, FloatMethods);
    }

    /// <summary>Finds the method <paramref name="name"/> of a str, list, dict, int or float value, bound to it.</summary>
    public static bool TryGetMethod(object? target, string name, out IJinjaCallable? method)
    {
        if (target is Markup markup && MarkupMethod.Wraps(name) && TryGetMethod(markup.Value, name, out var inner))
        {
            method = new MarkupMethod(inner!, name);
            return true;
        }

        target = PyOps.Text(target);
        if (TryFind(target, name, out var impl))
        {
            method = new BoundMethod(target!, name, impl);
            return true;
        }

        method = null;
        return false;
    }

    /// <summary>
    /// Python's <c>getattr</c> on a built-in value: a bound method, or a data attribute such as
    /// <c>(5).real</c>. False when the type has no such attribute.
    /// </summary>
    public static bool TryGetAttribute(object? target, string name, out object? value)
    {
        target = PyOps.Text(target);
        if (TryGetDataAttribute(target, name, out value))
        {
            return true;
        }

        if (TryGetMethod(target, name, out var method))
        {
            value = method;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Calls <c>target.name(arguments)</c> without allocating a bound method; false when the
    /// type has no such method (the caller then falls back to its generic attribute lookup).
    /// </summary>
    public static bool TryCallMethod(IRuntime runtime, object? target, string name, Arguments arguments, out object? result)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (target is Markup markup && markup.TryGetAttribute(name, out var attribute) && attribute is IJinjaCallable callable)
        {
            result = callable.Call(runtime, arguments);
            return true;
        }

        if (TryFind(target, name, out var impl))
        {
            result = impl(runtime, target!, arguments);
            return true;
        }

        result = null;
        return false;
    }

    private static bool TryFind(object? target, string name, out MethodImpl impl)
    {
        var table = target switch
        {
            string => StrMethods,
            List<object?> => ListMethods,
            PyDict => DictMethods,
            PyTuple => TupleMethods,
            long or bool or BigInteger => IntMethods,
            double => FloatMethods,
            _ => null,
        };
        if (table is not null && table.TryGetValue(name, out var found))
        {
            impl = found;
            return true;
        }

        impl = null!;
        return false;
    }

    private static bool TryGetDataAttribute(object? target, string name, out object? value)
    {
        value = null;
        if (target is long or bool or BigInteger)
        {
            switch (name)
            {
                case "real" or "numerator":
                    value = PyOps.Plus(target);
                    return true;
                case "imag":
                    value = PyOps.Box(0L);
                    return true;
                case "denominator":
                    value = PyOps.Box(1L);
                    return true;
            }
        }
        else if (target is double d)
        {
            switch (name)
            {
                case "real":
                    value = d;
                    return true;
                case "imag":
                    value = 0.0;
                    return true;
            }
        }

        return false;
    }
}

/// <summary>The implementation of one built-in method.</summary>
internal delegate object? MethodImpl(IRuntime runtime, object self, Arguments arguments);

/// <summary>A built-in method bound to its receiver, as <c>'a'.upper</c> evaluates to in Python.</summary>
internal sealed class BoundMethod(object self, string name, MethodImpl impl) : IJinjaCallable, IJinjaObject
{
    public object Self { get; } = self;

    public string Name { get; } = name;

    public object? Call(IRuntime runtime, Arguments arguments) => impl(runtime, Self, arguments);

    public bool TryGetAttribute(string name, out object? value)
    {
        value = null;
        return false;
    }

    public string ToPythonString() => $"<built-in method {Name} of {PyOps.TypeName(Self)} object>";
}
