using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Cedule.Jinja.Tests.Conformance;

/// <summary>
/// Runs the corpus scripts with the system interpreter that has Debian's Jinja2 3.1
/// (<c>/usr/bin/python3</c>; the first <c>python3</c> on PATH may lack it).
/// </summary>
internal static class PythonJinja
{
    public const string Interpreter = "/usr/bin/python3";

    private static readonly Lazy<string?> MissingReason = new(Probe);

    /// <summary>
    /// Returns when Jinja2 can run. Otherwise the test is skipped, except on CI (<c>CI=true</c>),
    /// where it fails: CI installs python3-jinja2 (scripts/test.sh does), so its absence there is a broken setup.
    /// </summary>
    public static void RequireOrSkip()
    {
        var reason = MissingReason.Value;
        if (reason is null)
        {
            return;
        }

        if (string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{reason}; CI must provide it (scripts/test.sh installs python3-jinja2).");
        }

        Assert.Skip($"{reason}; install python3-jinja2 (scripts/test.sh does) to run the live Jinja2 comparison.");
    }

    /// <summary>
    /// Runs <paramref name="script"/> with <paramref name="arguments"/>, writes <paramref name="input"/>
    /// (one line each) to its stdin while reading its stdout, and returns the stdout lines. Fails
    /// with the script's stderr on a non-zero exit; kills the process when <paramref name="timeout"/> passes.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RunLinesAsync(
        string script, IReadOnlyList<string> arguments, IReadOnlyList<string> input, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            WorkingDirectory = RepositoryPaths.RepositoryRoot,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PYTHONIOENCODING"] = "utf-8";
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Interpreter} did not start.");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var token = deadline.Token;
        var stderr = process.StandardError.ReadToEndAsync(token);
        var lines = new List<string>(input.Count);
        try
        {
            // Writing and reading at the same time: the answers would otherwise fill the pipe
            // while the requests still wait to be written.
            var writer = Task.Run(
                async () =>
                {
                    var stdin = process.StandardInput;
                    foreach (var line in input)
                    {
                        await stdin.WriteAsync((line + "\n").AsMemory(), token);
                    }

                    stdin.Close();
                },
                token);
            while (await process.StandardOutput.ReadLineAsync(token) is { } line)
            {
                lines.Add(line);
            }

            await writer;
            await process.WaitForExitAsync(token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"{Path.GetFileName(script)} {string.Join(' ', arguments)} gave {lines.Count} of {input.Count} lines before the {timeout.TotalSeconds:0} s deadline.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(script)} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await stderr}");
        }

        return lines;
    }

    private static string? Probe()
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import jinja2");
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return $"{Interpreter} did not start";
            }

            _ = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                return $"{Interpreter} -c 'import jinja2' did not finish within 60 s";
            }

            return process.ExitCode == 0 ? null : $"{Interpreter} cannot import jinja2 ({error.GetAwaiter().GetResult().Trim()})";
        }
        catch (Win32Exception error)
        {
            return $"{Interpreter} is not available ({error.Message})";
        }
    }
}
