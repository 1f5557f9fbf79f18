using Cedule.Server.Domain;
using Cedule.Server.Git;
using Cedule.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cedule.Server.Deployments;

/// <summary>
/// Turns an environment's branch head into a deployment: fetch with the system git, read the
/// commit's files into a bundle, parse it in a child process with the environment's target
/// facts, then store the verdict. A valid deployment becomes active in the same transaction;
/// a rejected one keeps its problems and leaves the previous active deployment in place.
/// </summary>
internal sealed class DeploymentService(
    CeduleDbContext db,
    ProjectRepositoryCache repositories,
    BundleStore bundles,
    ChildProcessParser parser,
    TimeProvider time,
    ILogger<DeploymentService> logger)
{
    /// <summary>Syncs one environment; null when the project or environment does not exist.</summary>
    /// <exception cref="GitException">The branch could not be fetched (no deployment is recorded: there is no commit to judge).</exception>
    public async Task<SyncResult?> SyncAsync(Guid projectId, string environmentName, CancellationToken cancellationToken = default)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken).ConfigureAwait(false);
        var environment = project is null
            ? null
            : await db.Environments.SingleOrDefaultAsync(e => e.ProjectId == projectId && e.Name == environmentName, cancellationToken).ConfigureAwait(false);
        if (project is null || environment is null)
        {
            return null;
        }

        var commit = await repositories.FetchBranchHeadAsync(project.Id, project.RemoteUrl, environment.Branch, cancellationToken).ConfigureAwait(false);
        if (await FindAsync(environment.Id, commit, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return new SyncResult(existing, Created: false);
        }

        var deployment = await JudgeAsync(project, environment, commit, cancellationToken).ConfigureAwait(false);
        db.Deployments.Add(deployment);
        var now = deployment.CreatedAt;
        var payload = new { environment = environment.Name, commit, problems = deployment.Problems.Count(p => p.Severity == "error") };
        if (deployment.Status == DeploymentStatus.Valid)
        {
            environment.ActiveDeploymentId = deployment.Id;
            db.AddEvent(EventTypes.DeploymentActivated, project.OrganizationId, deployment.Id, payload, now);
        }
        else
        {
            db.AddEvent(EventTypes.DeploymentRejected, project.OrganizationId, deployment.Id, payload, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another sync of the same push may have stored it first (unique environment + commit): theirs stands.
            db.ChangeTracker.Clear();
            var winner = await FindAsync(environment.Id, commit, cancellationToken).ConfigureAwait(false);
            if (winner is null)
            {
                throw;
            }

            return new SyncResult(winner, Created: false);
        }

        logger.LogInformation("Deployment {Commit} of {Environment}: {Status}", commit, environment.Name, deployment.Status);
        return new SyncResult(deployment, Created: true);
    }

    private async Task<Deployment> JudgeAsync(Project project, DeployEnvironment environment, string commit, CancellationToken cancellationToken)
    {
        var deployment = new Deployment
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            EnvironmentId = environment.Id,
            CommitSha = commit,
            CreatedAt = time.GetUtcNow(),
        };
        var (bundleHash, refused) = await bundles.WriteAsync(repositories.PathOf(project.Id), commit, cancellationToken).ConfigureAwait(false);
        deployment.BundleHash = bundleHash;
        if (bundleHash is null)
        {
            deployment.Status = DeploymentStatus.Rejected;
            deployment.Problems = [.. refused.Select((p, i) => new DeploymentProblem
            {
                Code = p.Code, Severity = "error", Message = p.Message, Path = p.Path, Ordinal = i,
            })];
            return deployment;
        }

        // Only the variables the environment declares reach the child (none yet: declared vars come with environment settings).
        var outcome = await parser.ParseAsync(bundles.PathOf(bundleHash), environment.Target.ToFacts(), new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
        deployment.Status = outcome.IsValid ? DeploymentStatus.Valid : DeploymentStatus.Rejected;
        deployment.Problems = [.. outcome.Problems];
        if (outcome.IsValid && outcome.ManifestJson is { } manifest)
        {
            deployment.ManifestJson = manifest;
            deployment.GraphHash = GraphHash.Compute(manifest);
        }

        return deployment;
    }

    private Task<Deployment?> FindAsync(Guid environmentId, string commit, CancellationToken cancellationToken) =>
        db.Deployments.AsNoTracking().Include(d => d.Problems)
            .SingleOrDefaultAsync(d => d.EnvironmentId == environmentId && d.CommitSha == commit, cancellationToken);
}
