namespace Cedule.Server.Domain;

/// <summary>The verdict on a deployed commit.</summary>
public enum DeploymentStatus
{
    /// <summary>Parsed without error: it can become the environment's active deployment.</summary>
    Valid,

    /// <summary>Refused (parse errors, a symlink, a limit hit): the previous active deployment stays.</summary>
    Rejected,
}

/// <summary>
/// One commit of one environment, parsed with that environment's target facts. Immutable once
/// stored: a new push makes a new deployment.
/// </summary>
public sealed class Deployment
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; }

    /// <summary>The environment.</summary>
    public Guid EnvironmentId { get; set; }

    /// <summary>The full commit id (40 hex digits).</summary>
    public required string CommitSha { get; set; }

    /// <summary>Valid or rejected.</summary>
    public DeploymentStatus Status { get; set; }

    /// <summary>SHA-256 of the project files read from the commit (the bundle's address), or null when they could not be read.</summary>
    public string? BundleHash { get; set; }

    /// <summary>manifest.json of the parse, or null when the parse produced none.</summary>
    public string? ManifestJson { get; set; }

    /// <summary>SHA-256 of the node graph (see <c>GraphHash</c>), or null without a manifest.</summary>
    public string? GraphHash { get; set; }

    /// <summary>Every problem found, errors and warnings, in the parser's order.</summary>
    public List<DeploymentProblem> Problems { get; set; } = [];

    /// <summary>When it was stored.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
