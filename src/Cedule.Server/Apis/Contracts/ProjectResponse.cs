namespace Cedule.Server.Apis.Contracts;

/// <summary>A project as the API shows it.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="OrganizationId">Owning organization.</param>
/// <param name="Name">Display name.</param>
/// <param name="RemoteUrl">The git remote.</param>
/// <param name="CreatedAt">Creation time.</param>
public sealed record ProjectResponse(Guid Id, Guid OrganizationId, string Name, string RemoteUrl, DateTimeOffset CreatedAt);
