using System.Diagnostics;
using System.Text;
using Cedule.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Cedule.Server.Git;

/// <summary>
/// Runs the system <c>git</c>, so SSH keys, credential helpers and proxies work as users expect.
/// Git never prompts (a missing credential fails instead of hanging the server) and never uses
/// the <c>ext::</c> transport, which would run a command named by the remote URL.
/// </summary>
internal sealed class GitRunner(IOptions<CeduleServerOptions> options)
{
    private readonly GitOptions git = options.Value.Git;

    /// <summary>Runs git in <paramref name="workingDirectory"/> and returns its standard output.</summary>
    /// <exception cref="GitException">git exited with an error or ran past its time limit.</exception>
    public async Task<string> RunAsync(string workingDirectory, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        using var process = Start(workingDirectory, arguments, redirectInput: false);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await WaitAsync(process, cancellationToken).ConfigureAwait(false);
        var output = await stdout.ConfigureAwait(false);
        var error = await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new GitException($"git {string.Join(' ', process.StartInfo.ArgumentList.Skip(4))} failed: {error.Trim()}");
        }

        return output;
    }

    /// <summary>Starts a long-lived git process (such as <c>cat-file --batch</c>) with binary standard streams.</summary>
    public Process Start(string workingDirectory, IEnumerable<string> arguments, bool redirectInput)
    {
        var start = new ProcessStartInfo(git.Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in (string[])["-c", "protocol.ext.allow=never", "-c", "core.quotePath=false"])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_ASKPASS"] = string.Empty;
        start.Environment["LC_ALL"] = "C";
        try
        {
            return Process.Start(start) ?? throw new GitException($"could not start {git.Executable}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new GitException($"could not start {git.Executable} (is git installed and on PATH? Cedule:Git:Executable sets its path): {e.Message}", e);
        }
    }

    private async Task WaitAsync(Process process, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(git.CommandTimeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new GitException($"git ran longer than {git.CommandTimeout} (Cedule:Git:CommandTimeout) and was stopped");
        }
    }
}
