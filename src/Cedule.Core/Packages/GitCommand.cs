using System.Diagnostics;
using System.Text;

namespace Cedule.Core.Packages;

/// <summary>
/// Runs the system <c>git</c> command, so that SSH keys, credential helpers and proxies work as
/// the user configured them. Never prompts: a missing credential fails with git's own message.
/// </summary>
public static class GitCommand
{
    /// <summary>Runs git with <paramref name="arguments"/> in <paramref name="workingDirectory"/>; returns its standard output.</summary>
    /// <exception cref="InvalidOperationException">git is missing or exited non-zero (the message carries its stderr).</exception>
    public static async Task<string> RunAsync(string workingDirectory, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_ASKPASS"] = "echo";
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("git is not installed or not on PATH: " + e.Message, e);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout.ConfigureAwait(false);
        var error = await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', start.ArgumentList)} failed: {error.Trim()}");
        }

        return output;
    }
}
