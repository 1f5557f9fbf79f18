namespace Cedule.Server.Deployments;

/// <summary>Why a commit's files could not become a bundle.</summary>
/// <param name="Code">A <see cref="DeploymentCodes"/> code.</param>
/// <param name="Message">What is wrong and what to do.</param>
/// <param name="Path">The file concerned, relative to the repository root.</param>
public sealed record BundleProblem(string Code, string Message, string Path);
