using Cedule.Server.Domain;

namespace Cedule.Server.Deployments;

/// <summary>The outcome of syncing an environment with its branch.</summary>
/// <param name="Deployment">The deployment of the branch head (new, or the one already stored for that commit).</param>
/// <param name="Created">False when the head had already been deployed.</param>
public sealed record SyncResult(Deployment Deployment, bool Created);
