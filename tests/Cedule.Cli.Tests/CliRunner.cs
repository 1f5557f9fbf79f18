using System.CommandLine;

namespace Cedule.Cli.Tests;

/// <summary>Runs the real <c>cedule</c> command tree in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var parse = CeduleCommand.Build().Parse(args);
        var exitCode = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString() + error.ToString());
    }
}
