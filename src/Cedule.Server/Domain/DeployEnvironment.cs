namespace Cedule.Server.Domain;

/// <summary>
/// One branch of a project deployed to one target (staging, production). Named
/// <c>DeployEnvironment</c> so it never reads as <see cref="System.Environment"/>.
/// </summary>
public sealed class DeployEnvironment
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; }

    /// <summary>The project.</summary>
    public Guid ProjectId { get; set; }

    /// <summary>Name, unique within the project (<c>staging</c>, <c>production</c>).</summary>
    public required string Name { get; set; }

    /// <summary>The git branch this environment follows.</summary>
    public required string Branch { get; set; }

    /// <summary>
    /// The non-secret facts of the profile target that parsing depends on; the agent that runs
    /// the environment checks that its own profile agrees with them.
    /// </summary>
    public required TargetSettings Target { get; set; }

    /// <summary>Cron expression of the schedule (five fields), or null for manual runs only.</summary>
    public string? Cron { get; set; }

    /// <summary>IANA time zone the cron expression is read in (<c>America/Toronto</c>).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>A paused environment starts no scheduled run.</summary>
    public bool Paused { get; set; }

    /// <summary>The deployment that runs use, or null before the first valid one.</summary>
    public Guid? ActiveDeploymentId { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
