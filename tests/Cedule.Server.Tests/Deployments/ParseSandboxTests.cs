using Cedule.Server.Deployments;
using Cedule.Server.Domain;
using Cedule.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cedule.Server.Tests.Deployments;

public sealed class ParseSandboxTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sync_ProjectReadsServerVariable_ChildDoesNotSeeIt()
    {
        // Positive control: the server process has the variable; the child parse must not.
        Environment.SetEnvironmentVariable("CEDULE_TEST_SERVER_CANARY", "server-secret-canary");
        using var repo = new TestRepository();
        repo.Write(TestRepository.ValidProject);
        repo.Write(new Dictionary<string, string> { ["models/fuite.sql"] = "select '{{ env_var(\"CEDULE_TEST_SERVER_CANARY\") }}' as v\n" });
        repo.CommitAndPush("reads a server variable");
        await using var server = await ServerHost.StartAsync("sqlite", cancellationToken: Cancel);
        var (projectId, _) = await Seed.ProjectAsync(server, repo.BarePath);

        var result = await SyncAsync(server, projectId);

        Assert.Equal("server-secret-canary", Environment.GetEnvironmentVariable("CEDULE_TEST_SERVER_CANARY"));
        Assert.Equal(DeploymentStatus.Rejected, result.Deployment.Status);
        var error = Assert.Single(result.Deployment.Problems, p => p.Severity == "error");
        Assert.Equal("models/fuite.sql", error.Path);
        Assert.Contains("CEDULE_TEST_SERVER_CANARY", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Deployment.Problems, p => p.Message.Contains("server-secret-canary", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sync_ParsePastTheTimeLimit_RejectedAndServerStillServes()
    {
        using var repo = new TestRepository();
        repo.Write(TestRepository.ValidProject);
        repo.CommitAndPush("first models");
        // No parse finishes in 50 ms (the runtime alone takes longer to start): the limit always trips.
        await using var server = await ServerHost.StartAsync("sqlite", settings: new Dictionary<string, string> { ["Cedule:Parser:Timeout"] = "00:00:00.050" }, cancellationToken: Cancel);
        var (projectId, _) = await Seed.ProjectAsync(server, repo.BarePath);

        var result = await SyncAsync(server, projectId);

        Assert.Equal(DeploymentStatus.Rejected, result.Deployment.Status);
        Assert.Equal(DeploymentCodes.ParseTimedOut, Assert.Single(result.Deployment.Problems).Code);
        var ready = await server.Http.GetAsync(new Uri("/health/ready", UriKind.Relative), Cancel);
        Assert.True(ready.IsSuccessStatusCode);
    }

    private static async Task<SyncResult> SyncAsync(ServerHost server, Guid projectId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<DeploymentService>().SyncAsync(projectId, "production", Cancel))!;
    }
}
