using System.CommandLine;
using Cedule.Core;

namespace Cedule.Cli;

/// <summary>
/// The root of the <c>cedule</c> command. Each feature adds its subcommand in
/// <see cref="Build"/>; the handlers live in <c>Commands/</c> and stay thin.
/// </summary>
internal static class CeduleCommand
{
    /// <summary>Exit code for a usage error or an invalid input (dbt uses 2 as well).</summary>
    public const int UsageError = 2;

    public static RootCommand Build()
    {
        var root = new RootCommand(
            $"Cedule {EngineInfo.Version}: runs dbt-compatible SQL transformation projects, " +
            "locally or through a control plane and agents.");
        root.Subcommands.Add(Commands.RenderCommand.Create());
        root.Subcommands.Add(Commands.ProjectCommands.Parse());
        root.Subcommands.Add(Commands.ProjectCommands.Deps());
        root.Subcommands.Add(Commands.LsCommand.Create());
        foreach (var command in Commands.RunCommands.Create())
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(Commands.OperationCommands.RunOperation());
        root.Subcommands.Add(Commands.OperationCommands.Show());
        root.Subcommands.Add(Commands.SampleCommand.Create());
        root.Subcommands.Add(Commands.ServerCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var root = Build();
        // No response files: `cedule render --vars @file.json` must reach the option as written.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        return await parse.InvokeAsync().ConfigureAwait(false);
    }
}
