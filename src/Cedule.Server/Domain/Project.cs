namespace Cedule.Server.Domain;

/// <summary>A git remote holding a dbt-compatible project; its environments deploy its branches.</summary>
public sealed class Project
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; }

    /// <summary>The owning organization.</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>Display name, unique within the organization.</summary>
    public required string Name { get; set; }

    /// <summary>
    /// What the system <c>git</c> fetches from: an https or ssh URL, or a local path (a bare
    /// repository on disk). Credentials are not part of it (they come with the accounts step).
    /// </summary>
    public required string RemoteUrl { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The environments deploying this project.</summary>
    public List<DeployEnvironment> Environments { get; set; } = [];
}
