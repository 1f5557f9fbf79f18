namespace Cedule.Jinja.Values;

/// <summary>Python's string formatting: <c>'%s' % value</c> and <c>str.format</c>.</summary>
public static partial class PyFormat
{
    /// <summary>Python's <c>format % values</c>; a tuple supplies several values, a dict named ones.</summary>
    public static string Percent(string format, object? values, IRuntime? runtime = null)
    {
        ArgumentNullException.ThrowIfNull(format);
        return PercentCore(format, values, runtime);
    }

    /// <summary>Python's <c>format.format(*args, **kwargs)</c>.</summary>
    public static string Format(string format, Arguments arguments, IRuntime? runtime = null)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(arguments);
        return FormatCore(format, arguments, runtime);
    }
}
