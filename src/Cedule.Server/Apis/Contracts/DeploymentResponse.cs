namespace Cedule.Server.Apis.Contracts;

/// <summary>A deployment as the API shows it (the manifest has its own endpoint: it can be large).</summary>
/// <param name="Id">Identifier.</param>
/// <param name="EnvironmentId">The environment.</param>
/// <param name="CommitSha">The deployed commit.</param>
/// <param name="Status"><c>valid</c> or <c>rejected</c>.</param>
/// <param name="Active">Whether it is the environment's active deployment.</param>
/// <param name="BundleHash">SHA-256 of the project files.</param>
/// <param name="GraphHash">SHA-256 of the node graph.</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="Problems">Errors and warnings with file:line:col.</param>
public sealed record DeploymentResponse(
    Guid Id, Guid EnvironmentId, string CommitSha, string Status, bool Active, string? BundleHash, string? GraphHash, DateTimeOffset CreatedAt,
    IReadOnlyList<ProblemResponse> Problems);
