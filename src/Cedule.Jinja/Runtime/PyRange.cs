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

    public PyRange(long start, long stop, long step, IRuntime? runtime)
    {
        this.runtime = runtime;
        Start = start;
        Stop = stop;
        Step = step;
        var span = step > 0 ? (decimal)stop - start : (decimal)start - stop;
        var count = span <= 0 ? 0 : ((span - 1) / Math.Abs((decimal)step)) + 1;
        LongCount = (long)Math.Min(count, long.MaxValue);
    }

    public long Start { get; }

    public long Stop { get; }

    public long Step { get; }

    public long LongCount { get; }

    public int Count => LongCount > int.MaxValue
        ? throw new TemplateException(ErrorKind.OverflowError, "Python int too large to convert to C ssize_t")
        : (int)LongCount;

    public object? this[int index] => PyOps.Box(Start + (index * Step));

    public IEnumerator<object?> GetEnumerator()
    {
        for (long i = 0; i < LongCount; i++)
        {
            runtime?.ConsumeFuel(1);
            yield return PyOps.Box(Start + (i * Step));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

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
