namespace Cedule.Server.Apis.Contracts;

/// <summary>Creates a project in an organization.</summary>
/// <param name="Name">Display name, unique in the organization.</param>
/// <param name="RemoteUrl">An https or ssh git URL, or a local path to a repository.</param>
public sealed record CreateProjectRequest(string? Name, string? RemoteUrl);
