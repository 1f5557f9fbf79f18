namespace Cedule.Jinja.Values;

public static partial class PyFormat
{
    private static string PercentCore(string format, object? values, IRuntime? runtime)
    {
        _ = runtime;
        return format.Replace("%s", PyOps.ToStr(values), StringComparison.Ordinal);
    }

    private static string FormatCore(string format, Arguments arguments, IRuntime? runtime)
    {
        _ = runtime;
        _ = arguments;
        return format;
    }
}
