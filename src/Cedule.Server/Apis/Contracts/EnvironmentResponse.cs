namespace Cedule.Server.Apis.Contracts;

/// <summary>An environment as the API shows it.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="ProjectId">The project.</param>
/// <param name="Name">Name, unique in the project.</param>
/// <param name="Branch">The git branch it follows.</param>
/// <param name="Target">The target facts it parses with.</param>
/// <param name="Cron">Schedule, or null.</param>
/// <param name="TimeZone">IANA time zone of the schedule.</param>
/// <param name="Paused">Whether scheduled runs are paused.</param>
/// <param name="ActiveDeploymentId">The deployment runs use, or null.</param>
public sealed record EnvironmentResponse(
    Guid Id, Guid ProjectId, string Name, string Branch, TargetFactsBody Target, string? Cron, string TimeZone, bool Paused, Guid? ActiveDeploymentId);
