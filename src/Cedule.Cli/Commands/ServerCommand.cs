using System.CommandLine;

namespace Cedule.Cli.Commands;

/// <summary>
/// <c>cedule server</c>: the control plane. Everything after the command goes to the ASP.NET Core
/// host as it is (<c>--urls http://0.0.0.0:8080</c>, <c>--Cedule:Store:Postgres=…</c>), so the
/// host's own configuration rules apply unchanged.
/// </summary>
internal static class ServerCommand
{
    public static Command Create()
    {
        var command = new Command(
            "server",
            "Run the control plane (REST API, deployments from git). Options go to the ASP.NET Core host: --urls, " +
            "--Cedule:DataDirectory=DIR, --Cedule:Store:Postgres=CONNECTION-STRING (default store: cedule.db in the data folder).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parse, cancellationToken) =>
            Server.CeduleServer.RunAsync([.. parse.UnmatchedTokens], cancellationToken));
        return command;
    }
}
