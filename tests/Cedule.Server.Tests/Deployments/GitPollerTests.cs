using Cedule.Server.Domain;
using Cedule.Server.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cedule.Server.Tests.Deployments;

public sealed class GitPollerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(ServerHost.Stores), MemberType = typeof(ServerHost))]
    public async Task Poller_IntervalElapses_DeploysEachNewPush(string store)
    {
        using var repo = new TestRepository();
        repo.Write(TestRepository.ValidProject);
        var first = repo.CommitAndPush("first models");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero));
        await using var server = await ServerHost.StartAsync(
            store,
            services => services.AddSingleton<TimeProvider>(clock),
            new Dictionary<string, string> { ["Cedule:Git:PollInterval"] = "00:05:00" },
            Cancel);
        var (_, environmentId) = await Seed.ProjectAsync(server, repo.BarePath);

        var deployed = await AdvanceUntilDeployedAsync(server, clock, environmentId, first);
        Assert.Equal(DeploymentStatus.Valid, deployed.Status);
        // Stamped by the injected clock, not the machine's: somewhere on the fake timeline.
        Assert.InRange(deployed.CreatedAt, clock.Start.AddMinutes(5), clock.GetUtcNow());

        repo.Write(new Dictionary<string, string> { ["models/ecoles.sql"] = "select 1 as ecole_id\n" });
        var second = repo.CommitAndPush("a new model");
        var next = await AdvanceUntilDeployedAsync(server, clock, environmentId, second);
        Assert.Contains("model.ecole.ecoles", next.ManifestJson, StringComparison.Ordinal);
        Assert.Equal(2, await server.WithStoreAsync(db => db.Deployments.CountAsync(Cancel)));
    }

    [Fact]
    public async Task Poller_BeforeTheInterval_DoesNothing()
    {
        using var repo = new TestRepository();
        repo.Write(TestRepository.ValidProject);
        repo.CommitAndPush("first models");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero));
        await using var server = await ServerHost.StartAsync(
            "sqlite",
            services => services.AddSingleton<TimeProvider>(clock),
            new Dictionary<string, string> { ["Cedule:Git:PollInterval"] = "00:05:00" },
            Cancel);
        await Seed.ProjectAsync(server, repo.BarePath);

        clock.Advance(TimeSpan.FromMinutes(4));

        Assert.Equal(0, await server.WithStoreAsync(db => db.Deployments.CountAsync(Cancel)));
    }

    /// <summary>
    /// Moves the fake clock one interval at a time until the commit is deployed. The timer may
    /// not exist yet when the test first advances, so it advances again until the deadline
    /// (real time, for the child parse) rather than once.
    /// </summary>
    private static async Task<Deployment> AdvanceUntilDeployedAsync(ServerHost server, FakeTimeProvider clock, Guid environmentId, string commit)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            clock.Advance(TimeSpan.FromMinutes(5));
            var found = await server.WithStoreAsync(db => db.Deployments.AsNoTracking()
                .SingleOrDefaultAsync(d => d.EnvironmentId == environmentId && d.CommitSha == commit, Cancel));
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(50, Cancel);
        }

        throw new TimeoutException($"commit {commit} was not deployed within 60 s");
    }
}
