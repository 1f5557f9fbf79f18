using System.Globalization;

namespace Cedule.Jinja.Tests.Conformance;

/// <summary>What Cedule.Jinja did with one case: rendered text, a <see cref="TemplateException"/>, another exception, or no answer in time.</summary>
internal sealed record EngineOutcome(string? Output, TemplateException? Error, Exception? Crash, bool TimedOut)
{
    public static EngineOutcome Rendered(string output) => new(output, null, null, false);

    public static EngineOutcome Failed(TemplateException error) => new(null, error, null, false);

    public static EngineOutcome Crashed(Exception crash) => new(null, null, crash, false);

    public static EngineOutcome Hung() => new(null, null, null, true);

    /// <summary>A short label for grouping outcomes: the error kind, "rendered", "hang" or "crash &lt;type&gt;".</summary>
    public string Summary =>
        TimedOut ? "hang"
        : Crash is not null ? "crash " + Crash.GetType().Name
        : Error is not null ? Error.Kind.ToString()
        : "rendered";

    /// <summary>A one-line description for failure messages.</summary>
    public string Describe()
    {
        if (TimedOut)
        {
            return "no answer before the deadline (hang)";
        }

        if (Crash is not null)
        {
            return $"CRASH {Crash.GetType().FullName}: {Crash.Message}\n{Crash.StackTrace}";
        }

        if (Error is not null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Error.Kind}: {Error.Detail} (line {Error.Line})");
        }

        return "output " + JinjaResult.Quote(Output!);
    }

    /// <summary>
    /// Null when the engine agrees with Jinja2: ordinal equality of the output, or an error whose
    /// kind matches the Python class (<see cref="ErrorKindMatcher"/>); messages are not compared.
    /// Otherwise, a short reason.
    /// </summary>
    public string? MismatchWith(JinjaResult expected)
    {
        if (TimedOut || Crash is not null)
        {
            return TimedOut ? "engine hung" : "engine threw a non-TemplateException";
        }

        if (!expected.IsError)
        {
            return Error is not null ? "engine failed, Jinja2 rendered"
                : string.Equals(expected.Output, Output, StringComparison.Ordinal) ? null : "different output";
        }

        if (Error is null)
        {
            return "engine rendered, Jinja2 failed";
        }

        return ErrorKindMatcher.Matches(expected.Error!, Error.Kind)
            ? null
            : $"different error kind (expected {ErrorKindMatcher.ExpectedKind(expected.Error!)})";
    }
}
