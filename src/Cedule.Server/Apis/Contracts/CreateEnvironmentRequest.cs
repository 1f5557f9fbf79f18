namespace Cedule.Server.Apis.Contracts;

/// <summary>Creates an environment of a project.</summary>
/// <param name="Name">Name, unique in the project (<c>staging</c>, <c>production</c>).</param>
/// <param name="Branch">The git branch to deploy.</param>
/// <param name="Target">The target facts to parse with.</param>
/// <param name="Cron">A five-field cron expression, or null for manual runs only.</param>
/// <param name="TimeZone">IANA time zone of the schedule (default UTC).</param>
/// <param name="Paused">Start paused.</param>
public sealed record CreateEnvironmentRequest(string? Name, string? Branch, TargetFactsBody? Target, string? Cron, string? TimeZone, bool? Paused);
