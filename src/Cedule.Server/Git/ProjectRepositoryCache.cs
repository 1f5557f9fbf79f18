using System.Collections.Concurrent;
using Cedule.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Cedule.Server.Git;

/// <summary>
/// One bare repository per project under <c>{data}/git/{project id}</c>, fetched from the
/// project's remote. Fetches of one project are serialized in this process (git locks its refs,
/// and two fetches at once would fail rather than wait).
/// </summary>
internal sealed class ProjectRepositoryCache(GitRunner git, IOptions<CeduleServerOptions> options)
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> locks = new();

    /// <summary>The cache repository of a project.</summary>
    public string PathOf(Guid projectId) => Path.Combine(options.Value.DataPath, "git", projectId.ToString("N"));

    /// <summary>Fetches <paramref name="branch"/> from <paramref name="remoteUrl"/> and returns the commit id at its head.</summary>
    /// <exception cref="GitException">The branch name is invalid, or the fetch failed.</exception>
    public async Task<string> FetchBranchHeadAsync(Guid projectId, string remoteUrl, string branch, CancellationToken cancellationToken = default)
    {
        var gate = locks.GetOrAdd(projectId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var repository = PathOf(projectId);
            if (!Directory.Exists(Path.Combine(repository, "objects")))
            {
                Directory.CreateDirectory(repository);
                await git.RunAsync(repository, ["init", "--bare", "--quiet"], cancellationToken).ConfigureAwait(false);
            }

            await git.RunAsync(repository, ["check-ref-format", "--branch", branch], cancellationToken).ConfigureAwait(false);
            var tracking = $"refs/remotes/origin/{branch}";
            // --end-of-options: a remote URL or branch starting with '-' is data, never an option.
            await git.RunAsync(repository, ["fetch", "--quiet", "--no-tags", "--force", "--end-of-options", remoteUrl, $"+refs/heads/{branch}:{tracking}"], cancellationToken).ConfigureAwait(false);
            var sha = await git.RunAsync(repository, ["rev-parse", "--verify", "--end-of-options", tracking + "^{commit}"], cancellationToken).ConfigureAwait(false);
            return sha.Trim();
        }
        finally
        {
            gate.Release();
        }
    }
}
