using Cedule.Server.Deployments;
using Cedule.Server.Domain;
using Cedule.Server.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cedule.Server.Tests.Deployments;

public sealed class GitDeploymentTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(ServerHost.Stores), MemberType = typeof(ServerHost))]
    public async Task Sync_ValidPush_ActivatesDeploymentWithManifest(string store)
    {
        using var repo = new TestRepository();
        repo.Write(TestRepository.ValidProject);
        var commit = repo.CommitAndPush("first models");
        await using var server = await ServerHost.StartAsync(store, cancellationToken: Cancel);
        var (projectId, environmentId) = await Seed.ProjectAsync(server, repo.BarePath);

        var result = await SyncAsync(server, projectId, "production");

        Assert.True(result.Created);
        Assert.Equal(commit, result.Deployment.CommitSha);
        Assert.Equal(DeploymentStatus.Valid, result.Deployment.Status);
        var stored = await server.WithStoreAsync(db => db.Deployments.SingleAsync(Cancel));
        Assert.Contains("model.ecole.eleves", stored.ManifestJson, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", stored.GraphHash);
        Assert.True(Directory.Exists(Path.Combine(server.DataDirectory, "bundles", stored.BundleHash!)));
        var active = await server.WithStoreAsync(db => db.Environments.Where(e => e.Id == environmentId).Select(e => e.ActiveDeploymentId).SingleAsync(Cancel));
        Assert.Equal(stored.Id, active);
        var events = await server.WithStoreAsync(db => db.Events.Where(e => e.Type == EventTypes.DeploymentActivated).CountAsync(Cancel));
        Assert.Equal(1, events);
    }

    [Theory]
    [MemberData(nameof(ServerHost.Stores), MemberType = typeof(ServerHost))]
    public async Task Sync_BrokenPush_RejectedWithLocationAndPreviousStaysActive(string store)
    {
        using var repo = new TestRepository();
        repo.Write(TestRepository.ValidProject);
        repo.CommitAndPush("first models");
        await using var server = await ServerHost.StartAsync(store, cancellationToken: Cancel);
        var (projectId, environmentId) = await Seed.ProjectAsync(server, repo.BarePath);
        var first = await SyncAsync(server, projectId, "production");
        repo.Write(new Dictionary<string, string> { ["models/eleves.sql"] = "select eleve_id\nfrom {{ ref('stg_eleves' }}\n" });
        var broken = repo.CommitAndPush("broken ref");

        var result = await SyncAsync(server, projectId, "production");

        Assert.Equal(broken, result.Deployment.CommitSha);
        Assert.Equal(DeploymentStatus.Rejected, result.Deployment.Status);
        var rejected = await server.WithStoreAsync(db => db.Deployments.Include(d => d.Problems).SingleAsync(d => d.CommitSha == broken, Cancel));
        var error = Assert.Single(rejected.Problems, p => p.Severity == "error");
        Assert.Equal("models/eleves.sql", error.Path);
        Assert.Equal(2, error.Line);
        Assert.True(error.Column > 0, $"column of {error.Message}");
        Assert.Null(rejected.ManifestJson);
        var active = await server.WithStoreAsync(db => db.Environments.Where(e => e.Id == environmentId).Select(e => e.ActiveDeploymentId).SingleAsync(Cancel));
        Assert.Equal(first.Deployment.Id, active);
        Assert.Equal(1, await server.WithStoreAsync(db => db.Events.CountAsync(e => e.Type == EventTypes.DeploymentRejected, Cancel)));
    }

    [Theory]
    [MemberData(nameof(ServerHost.Stores), MemberType = typeof(ServerHost))]
    public async Task Sync_Symlink_Rejected(string store)
    {
        using var repo = new TestRepository();
        repo.Write(TestRepository.ValidProject);
        repo.Symlink("models/secrets.sql", "/etc/passwd");
        repo.CommitAndPush("a link");
        await using var server = await ServerHost.StartAsync(store, cancellationToken: Cancel);
        var (projectId, environmentId) = await Seed.ProjectAsync(server, repo.BarePath);

        var result = await SyncAsync(server, projectId, "production");

        Assert.Equal(DeploymentStatus.Rejected, result.Deployment.Status);
        var problem = Assert.Single(result.Deployment.Problems);
        Assert.Equal(DeploymentCodes.SymlinkRefused, problem.Code);
        Assert.Equal("models/secrets.sql", problem.Path);
        Assert.Null(result.Deployment.BundleHash);
        Assert.Null(await server.WithStoreAsync(db => db.Environments.Where(e => e.Id == environmentId).Select(e => e.ActiveDeploymentId).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task Sync_SameHeadTwice_ReturnsTheStoredDeployment()
    {
        using var repo = new TestRepository();
        repo.Write(TestRepository.ValidProject);
        repo.CommitAndPush("first models");
        await using var server = await ServerHost.StartAsync("sqlite", cancellationToken: Cancel);
        var (projectId, _) = await Seed.ProjectAsync(server, repo.BarePath);
        var first = await SyncAsync(server, projectId, "production");

        var second = await SyncAsync(server, projectId, "production");

        Assert.False(second.Created);
        Assert.Equal(first.Deployment.Id, second.Deployment.Id);
        Assert.Equal(1, await server.WithStoreAsync(db => db.Deployments.CountAsync(Cancel)));
    }

    private static async Task<SyncResult> SyncAsync(ServerHost server, Guid projectId, string environment)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DeploymentService>().SyncAsync(projectId, environment, Cancel);
        return result ?? throw new InvalidOperationException("no such environment");
    }
}
