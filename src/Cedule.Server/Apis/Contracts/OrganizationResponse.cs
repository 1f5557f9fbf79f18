namespace Cedule.Server.Apis.Contracts;

/// <summary>An organization as the API shows it.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Name">Display name.</param>
/// <param name="Slug">Short unique name.</param>
/// <param name="CreatedAt">Creation time.</param>
public sealed record OrganizationResponse(Guid Id, string Name, string Slug, DateTimeOffset CreatedAt);
