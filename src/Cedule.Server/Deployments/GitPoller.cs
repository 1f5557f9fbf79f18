using Cedule.Server.Git;
using Cedule.Server.Hosting;
using Cedule.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cedule.Server.Deployments;

/// <summary>
/// Polls every environment's branch at <see cref="GitOptions.PollInterval"/> (timed by the
/// injected <see cref="TimeProvider"/>, so tests drive it with a fake clock). One environment that
/// fails (an unreachable remote) is logged and never stops the others or the loop.
/// </summary>
internal sealed class GitPoller(IServiceScopeFactory scopes, IOptions<CeduleServerOptions> options, TimeProvider time, ILogger<GitPoller> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Git.PollInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await PollOnceAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>Syncs every environment once.</summary>
    public async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        List<(Guid ProjectId, string Name)> environments;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CeduleDbContext>();
            environments = (await db.Environments.AsNoTracking().Select(e => new { e.ProjectId, e.Name }).ToListAsync(cancellationToken).ConfigureAwait(false))
                .Select(e => (e.ProjectId, e.Name)).ToList();
        }

        foreach (var (projectId, name) in environments)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DeploymentService>().SyncAsync(projectId, name, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is GitException or DbUpdateException or IOException)
            {
                logger.LogWarning(e, "Polling environment {Environment} of project {Project} failed", name, projectId);
            }
        }
    }
}
