using System.Globalization;
using System.Text;
using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Execution.Runtime;

/// <summary>
/// A time-zone-aware Python <c>datetime</c> as templates use dbt's <c>run_started_at</c>: prints as
/// Python's <c>str()</c> (<c>2026-11-23 19:50:00.123456+00:00</c>), with <c>strftime</c>,
/// <c>isoformat</c> and the date parts. Formatting always uses the invariant culture.
/// </summary>
internal sealed class PyDateTime(DateTimeOffset value) : IJinjaObject
{
    public DateTimeOffset Value { get; } = value;

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "year" => (long)Value.Year,
            "month" => (long)Value.Month,
            "day" => (long)Value.Day,
            "hour" => (long)Value.Hour,
            "minute" => (long)Value.Minute,
            "second" => (long)Value.Second,
            "microsecond" => (long)(Value.Ticks % TimeSpan.TicksPerSecond / 10),
            "strftime" => new JinjaFunction(name, (_, args) => Format(PyOps.ToStr(args.Get(0, "format")))),
            "isoformat" => new JinjaFunction(name, (_, _) => Iso('T')),
            "timestamp" => new JinjaFunction(name, (_, _) => Value.ToUnixTimeMilliseconds() / 1000.0),
            "date" => new JinjaFunction(name, (_, _) => Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            "astimezone" or "replace" => new JinjaFunction(name, (_, _) => this),
            _ => null,
        };
        return value is not null;
    }

    public string ToPythonString() => Iso(' ');

    private string Iso(char separator)
    {
        var micro = Value.Ticks % TimeSpan.TicksPerSecond / 10;
        var text = Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + separator + Value.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        if (micro != 0)
        {
            text += "." + micro.ToString("D6", CultureInfo.InvariantCulture);
        }

        return text + Value.ToString("zzz", CultureInfo.InvariantCulture);
    }

    /// <summary>Python's strftime directives that SQL and file names use.</summary>
    private string Format(string format)
    {
        var text = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 == format.Length)
            {
                text.Append(format[i]);
                continue;
            }

            var c = format[++i];
            text.Append(c switch
            {
                'Y' => Value.ToString("yyyy", CultureInfo.InvariantCulture),
                'y' => Value.ToString("yy", CultureInfo.InvariantCulture),
                'm' => Value.ToString("MM", CultureInfo.InvariantCulture),
                'd' => Value.ToString("dd", CultureInfo.InvariantCulture),
                'H' => Value.ToString("HH", CultureInfo.InvariantCulture),
                'I' => Value.ToString("hh", CultureInfo.InvariantCulture),
                'M' => Value.ToString("mm", CultureInfo.InvariantCulture),
                'S' => Value.ToString("ss", CultureInfo.InvariantCulture),
                'f' => (Value.Ticks % TimeSpan.TicksPerSecond / 10).ToString("D6", CultureInfo.InvariantCulture),
                'p' => Value.Hour < 12 ? "AM" : "PM",
                'j' => Value.DayOfYear.ToString("D3", CultureInfo.InvariantCulture),
                'a' => Value.ToString("ddd", CultureInfo.InvariantCulture),
                'A' => Value.ToString("dddd", CultureInfo.InvariantCulture),
                'b' => Value.ToString("MMM", CultureInfo.InvariantCulture),
                'B' => Value.ToString("MMMM", CultureInfo.InvariantCulture),
                'z' => Value.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", string.Empty, StringComparison.Ordinal),
                'Z' => Value.Offset == TimeSpan.Zero ? "UTC" : string.Empty,
                '%' => "%",
                _ => throw new TemplateException(ErrorKind.HostError, $"strftime: the directive %{c} is not supported"),
            });
        }

        return text.ToString();
    }
}
