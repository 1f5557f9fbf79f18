namespace Cedule.Server.Apis.Contracts;

/// <summary>Creates an organization.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Slug">Short unique name: lowercase letters, digits and dashes.</param>
public sealed record CreateOrganizationRequest(string? Name, string? Slug);
