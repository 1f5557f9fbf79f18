using System.Text;

namespace Cedule.Bench;

/// <summary>
/// The startup check: a benchmark of a wrong result means nothing. Cedule must render exactly
/// what Jinja2 renders; Fluid's Liquid twin must render the same text up to whitespace.
/// </summary>
internal static class OutputCheck
{
    /// <summary>Runs the checks, prints one line per template and returns false on any failure.</summary>
    public static bool Run(string python, TextWriter log)
    {
        IReadOnlyDictionary<string, string> expected;
        try
        {
            expected = Jinja2Peer.RenderOnce(python);
        }
        catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            log.WriteLine($"verify: cannot run the Jinja2 peer: {error.Message}");
            return false;
        }

        var ok = true;
        foreach (var name in Workload.Names)
        {
            var workload = Workload.Get(name);
            var jinja2 = expected[name];
            ok &= CheckCedule(name, jinja2, workload, log);
            ok &= CheckFluid(name, jinja2, workload, log);
        }

        return ok;
    }

    private static bool CheckCedule(string name, string jinja2, Workload workload, TextWriter log)
    {
        string cedule;
        try
        {
            cedule = workload.RenderCedule();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            log.WriteLine($"verify {name}: FAILED, Cedule threw {error.GetType().Name}: {error.Message}");
            return false;
        }

        if (string.Equals(cedule, jinja2, StringComparison.Ordinal))
        {
            log.WriteLine($"verify {name}: Cedule == Jinja2 ({cedule.Length:N0} chars)");
            return true;
        }

        log.WriteLine($"verify {name}: FAILED, Cedule ({cedule.Length:N0} chars) differs from Jinja2 ({jinja2.Length:N0} chars)");
        log.WriteLine(Difference(jinja2, cedule, "jinja2", "cedule"));
        return false;
    }

    private static bool CheckFluid(string name, string jinja2, Workload workload, TextWriter log)
    {
        string fluid;
        try
        {
            fluid = workload.RenderFluid();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            log.WriteLine($"verify {name}: FAILED, Fluid threw {error.GetType().Name}: {error.Message}");
            return false;
        }

        if (string.Equals(fluid, jinja2, StringComparison.Ordinal))
        {
            log.WriteLine($"verify {name}: Fluid == Jinja2, identical text");
            return true;
        }

        if (string.Equals(WithoutWhitespace(fluid), WithoutWhitespace(jinja2), StringComparison.Ordinal))
        {
            log.WriteLine($"verify {name}: Fluid == Jinja2 up to whitespace ({fluid.Length:N0} vs {jinja2.Length:N0} chars)");
            return true;
        }

        log.WriteLine($"verify {name}: FAILED, the Liquid twin renders other text ({fluid.Length:N0} chars)");
        log.WriteLine(Difference(WithoutWhitespace(jinja2), WithoutWhitespace(fluid), "jinja2", "fluid"));
        return false;
    }

    private static string WithoutWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    // The first difference, with a little context on each side, one line per text.
    private static string Difference(string expected, string actual, string expectedName, string actualName)
    {
        var common = expected.AsSpan().CommonPrefixLength(actual);
        var start = Math.Max(0, common - 60);
        string Around(string text) => text.Substring(start, Math.Min(text.Length - start, 120)).ReplaceLineEndings("\\n");
        var line = 1 + expected.AsSpan(0, common).Count('\n');
        return $"  first difference at char {common:N0} (line {line}):{System.Environment.NewLine}"
            + $"  {expectedName}: …{Around(expected)}…{System.Environment.NewLine}"
            + $"  {actualName}: …{Around(actual)}…";
    }
}
