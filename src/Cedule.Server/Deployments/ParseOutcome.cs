using Cedule.Server.Domain;

namespace Cedule.Server.Deployments;

/// <summary>What the child parse said about a bundle.</summary>
/// <param name="IsValid">No error.</param>
/// <param name="ManifestJson">manifest.json, when the parse wrote one.</param>
/// <param name="Problems">Errors and warnings with file:line:col, in the parser's order.</param>
public sealed record ParseOutcome(bool IsValid, string? ManifestJson, IReadOnlyList<DeploymentProblem> Problems);
