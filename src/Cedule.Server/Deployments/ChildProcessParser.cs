using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Cedule.Core.Context;
using Cedule.Server.Domain;
using Cedule.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Cedule.Server.Deployments;

/// <summary>
/// Parses a bundle in a child <c>cedule parse</c> process, because a pushed project's templates
/// are untrusted code. What is enforced today:
/// <list type="bullet">
/// <item>an empty environment: the child sees only <c>HOME</c> (its own work folder), the .NET
/// runtime's settings and the variables the environment declares, never the server's connection
/// strings or keys;</item>
/// <item>a wall-clock limit (<see cref="ParserOptions.Timeout"/>): past it the process tree is killed;</item>
/// <item>a managed-heap limit (<see cref="ParserOptions.MemoryLimitMegabytes"/>, the runtime's
/// <c>GCHeapHardLimit</c>, honoured on every platform): past it the child fails with out-of-memory;</item>
/// <item>the work folder is a copy of the bundle, deleted afterwards, and parsing uses target
/// facts only (<c>--target-type</c>), so no profile is read and no connection opened.</item>
/// </list>
/// Not yet enforced: CPU-time quotas, network isolation and a read-only file system view (they
/// need OS sandboxing: cgroups or namespaces on Linux, a job object on Windows).
/// </summary>
internal sealed partial class ChildProcessParser(IOptions<CeduleServerOptions> options)
{
    private const int MaxCapturedChars = 1 << 20;

    private readonly CeduleServerOptions settings = options.Value;

    /// <summary>Parses a copy of <paramref name="bundleDirectory"/> with <paramref name="target"/>.</summary>
    public async Task<ParseOutcome> ParseAsync(
        string bundleDirectory, TargetFacts target, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken = default)
    {
        var work = Path.Combine(settings.DataPath, "work", Guid.NewGuid().ToString("N"));
        try
        {
            CopyDirectory(bundleDirectory, Path.Combine(work, "project"));
            Directory.CreateDirectory(Path.Combine(work, "home"));
            return await RunAsync(work, target, variables, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private async Task<ParseOutcome> RunAsync(string work, TargetFacts target, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken)
    {
        var project = Path.Combine(work, "project");
        var (command, prefix) = Command();
        var start = new ProcessStartInfo(command)
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in prefix.Concat(Arguments(project, target)))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        start.Environment["HOME"] = Path.Combine(work, "home");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_GCHeapHardLimit"] = ((long)settings.Parser.MemoryLimitMegabytes * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture);
        if (System.Environment.GetEnvironmentVariable("DOTNET_ROOT") is { } root)
        {
            start.Environment["DOTNET_ROOT"] = root; // where the runtime is: not a secret, and the child cannot start without it
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command}");
        var stdout = ReadCappedAsync(process.StandardOutput, cancellationToken);
        var stderr = ReadCappedAsync(process.StandardError, cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(settings.Parser.Timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            return Rejected(DeploymentCodes.ParseTimedOut,
                $"parsing ran longer than {settings.Parser.Timeout} (Cedule:Parser:Timeout) and was stopped: look for a template that loops or a macro that recurses");
        }

        await stdout.ConfigureAwait(false);
        var errorText = await stderr.ConfigureAwait(false);
        var problems = ReadProblems(errorText);
        var manifestFile = Path.Combine(project, "target", "manifest.json");
        var manifest = File.Exists(manifestFile) ? await File.ReadAllTextAsync(manifestFile, cancellationToken).ConfigureAwait(false) : null;
        var hasError = problems.Any(p => p.Severity == "error");
        if (process.ExitCode == 0 && manifest is not null && !hasError)
        {
            return new ParseOutcome(true, manifest, problems);
        }

        if (!hasError)
        {
            var tail = errorText.Length > 2000 ? errorText[^2000..] : errorText;
            problems.Add(Problem(DeploymentCodes.ParseFailed, "error",
                $"the parse process ended with exit code {process.ExitCode} without reporting a problem (a crash, or the {settings.Parser.MemoryLimitMegabytes} MiB memory limit): {tail.Trim()}",
                string.Empty, 0, 0, problems.Count));
        }

        return new ParseOutcome(false, manifest, problems);
    }

    /// <summary>The child command: configured, or this process's own <c>cedule</c> executable.</summary>
    private (string Command, IList<string> Prefix) Command()
    {
        if (!string.IsNullOrWhiteSpace(settings.Parser.Command))
        {
            return (settings.Parser.Command, settings.Parser.PrefixArguments);
        }

        var self = System.Environment.ProcessPath ?? throw new InvalidOperationException("set Cedule:Parser:Command to the cedule executable");
        return string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase)
            ? (self, [Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("set Cedule:Parser:Command to the cedule executable")])
            : (self, []);
    }

    private static IEnumerable<string> Arguments(string project, TargetFacts target)
    {
        yield return "parse";
        yield return "--project-dir";
        yield return project;
        yield return "--target-type";
        yield return target.Type;
        yield return "--target";
        yield return target.Name;
        yield return "--target-schema";
        yield return target.Schema;
        if (target.Database is { } database)
        {
            yield return "--target-database";
            yield return database;
        }
    }

    /// <summary>Reads the diagnostics the parse prints, one per line: <c>path:line:col: error CODE: message</c>.</summary>
    internal static List<DeploymentProblem> ReadProblems(string stderr)
    {
        var problems = new List<DeploymentProblem>();
        foreach (var line in stderr.Split('\n'))
        {
            var match = DiagnosticLine().Match(line.TrimEnd('\r'));
            if (!match.Success)
            {
                continue;
            }

            var lineNumber = match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) : 0;
            var column = match.Groups["col"].Success ? int.Parse(match.Groups["col"].Value, CultureInfo.InvariantCulture) : 0;
            problems.Add(Problem(match.Groups["code"].Value, match.Groups["severity"].Value, match.Groups["message"].Value,
                match.Groups["path"].Value, lineNumber, column, problems.Count));
        }

        return problems;
    }

    private static DeploymentProblem Problem(string code, string severity, string message, string path, int line, int column, int ordinal) =>
        new() { Code = code, Severity = severity, Message = message, Path = path, Line = line, Column = column, Ordinal = ordinal };

    private static ParseOutcome Rejected(string code, string message) =>
        new(false, null, [Problem(code, "error", message, string.Empty, 0, 0, 0)]);

    private static async Task<string> ReadCappedAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        // Keep reading to the end (a full pipe would block the child) but keep only the first MiB.
        var text = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (text.Length < MaxCapturedChars)
            {
                text.Append(buffer, 0, Math.Min(read, MaxCapturedChars - text.Length));
            }
        }

        return text.ToString();
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"^(?<path>[^:]*?)(?::(?<line>\d+)(?::(?<col>\d+))?)?: (?<severity>error|warning) (?<code>[A-Z]+\d+): (?<message>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DiagnosticLine();
}
