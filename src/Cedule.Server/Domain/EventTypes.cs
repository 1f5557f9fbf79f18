namespace Cedule.Server.Domain;

/// <summary>The event types of the outbox. Stable strings: readers outside the server match on them.</summary>
public static class EventTypes
{
    /// <summary>An organization was created.</summary>
    public const string OrganizationCreated = "organization.created";

    /// <summary>A project was created.</summary>
    public const string ProjectCreated = "project.created";

    /// <summary>An environment was created.</summary>
    public const string EnvironmentCreated = "environment.created";

    /// <summary>An environment's settings changed.</summary>
    public const string EnvironmentUpdated = "environment.updated";

    /// <summary>A valid deployment was stored and became the environment's active one.</summary>
    public const string DeploymentActivated = "deployment.activated";

    /// <summary>A deployment was rejected; the previous active one stays.</summary>
    public const string DeploymentRejected = "deployment.rejected";
}
