using System.Collections;
using System.Globalization;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Runtime;

/// <summary>
/// Python's <c>range</c>: lazy, so a huge range costs nothing until iterated, and every
/// iterated item is paid for in fuel by the loop that consumes it.
/// </summary>
internal sealed class PyRange : IReadOnlyList<object?>, IJinjaObject
{
    private readonly IRuntime? runtime;
    private readonly bool lengthOverflows;

    public PyRange(long start, long stop, long step, IRuntime? runtime)
    {
        this.runtime = runtime;
        Start = start;
        Stop = stop;
        Step = step;
        var span = step > 0 ? (Int128)stop - start : (Int128)start - stop;
        var count = span <= 0 ? 0 : ((span - 1) / Int128.Abs(step)) + 1;
        LongCount = (long)Int128.Min(count, long.MaxValue);
        lengthOverflows = count > long.MaxValue;
    }

    public long Start { get; }

    public long Stop { get; }

    public long Step { get; }

    public long LongCount { get; }

    public int Count => LongCount > int.MaxValue ? throw TooLong() : (int)LongCount;

    /// <summary>Python's <c>len(range)</c>, which works up to the largest 64-bit size.</summary>
    public long Length => lengthOverflows ? throw TooLong() : LongCount;

    public object? this[int index] => PyOps.Box(Start + (index * Step));

    /// <summary>Python's <c>range[index]</c>, negative indexes counting from the end.</summary>
    public bool TryGetIndex(object? key, out object? value)
    {
        value = null;
        if (key is not (long or bool))
        {
            return false;
        }

        var index = key is bool b ? (b ? 1 : 0) : (long)key;
        if (index < 0)
        {
            index += LongCount;
        }

        if (index < 0 || index >= LongCount)
        {
            throw new TemplateException(ErrorKind.IndexError, "range object index out of range");
        }

        value = PyOps.Box(Start + (index * Step));
        return true;
    }

    /// <summary>Python's <c>range[start:stop:step]</c>, which is again a range.</summary>
    public PyRange Slice(object? start, object? stop, object? step, IRuntime? owner)
    {
        var sliceStep = step is null ? 1 : ToLong(step);
        if (sliceStep == 0)
        {
            throw new TemplateException(ErrorKind.ValueError, "slice step cannot be zero");
        }

        var length = LongCount;
        long Clamp(object? bound, long fallback)
        {
            if (bound is null)
            {
                return fallback;
            }

            var i = ToLong(bound);
            if (i < 0)
            {
                i += length;
                return i < 0 ? (sliceStep < 0 ? -1 : 0) : i;
            }

            return i >= length ? (sliceStep < 0 ? length - 1 : length) : i;
        }

        var first = Clamp(start, sliceStep < 0 ? length - 1 : 0);
        var last = Clamp(stop, sliceStep < 0 ? -1 : length);
        return new PyRange(Start + (first * Step), Start + (last * Step), Step * sliceStep, owner);
    }

    private static long ToLong(object? value) => value switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        _ => throw new TemplateException(ErrorKind.TypeError, "slice indices must be integers or None or have an __index__ method"),
    };

    public IEnumerator<object?> GetEnumerator()
    {
        for (long i = 0; i < LongCount; i++)
        {
            runtime?.ConsumeFuel(1);
            yield return PyOps.Box(Start + (i * Step));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Python's <c>reversed(range)</c>: lazy, metered like the forward enumerator.</summary>
    public IEnumerable<object?> Reversed()
    {
        for (var i = LongCount - 1; i >= 0; i--)
        {
            runtime?.ConsumeFuel(1);
            yield return PyOps.Box(Start + (i * Step));
        }
    }

    private static TemplateException TooLong() => new(ErrorKind.OverflowError, "Python int too large to convert to C ssize_t");

    /// <summary>The items without fuel accounting, for a loop that pays one step per iteration itself.</summary>
    public IEnumerable<object?> Unmetered()
    {
        for (long i = 0; i < LongCount; i++)
        {
            yield return PyOps.Box(Start + (i * Step));
        }
    }

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "start" => PyOps.Box(Start),
            "stop" => PyOps.Box(Stop),
            "step" => PyOps.Box(Step),
            _ => null,
        };
        return value is not null;
    }

    public string ToPythonString() => Step == 1
        ? string.Create(CultureInfo.InvariantCulture, $"range({Start}, {Stop})")
        : string.Create(CultureInfo.InvariantCulture, $"range({Start}, {Stop}, {Step})");
}
