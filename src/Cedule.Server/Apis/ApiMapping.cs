using System.Globalization;
using Cedule.Server.Apis.Contracts;
using Cedule.Server.Domain;

namespace Cedule.Server.Apis;

/// <summary>Domain → API shapes.</summary>
internal static class ApiMapping
{
    public static OrganizationResponse ToResponse(this Organization o) => new(o.Id, o.Name, o.Slug, o.CreatedAt);

    public static ProjectResponse ToResponse(this Project p) => new(p.Id, p.OrganizationId, p.Name, p.RemoteUrl, p.CreatedAt);

    public static EnvironmentResponse ToResponse(this DeployEnvironment e) => new(
        e.Id, e.ProjectId, e.Name, e.Branch,
        new TargetFactsBody(e.Target.AdapterType, e.Target.TargetName, e.Target.Database, e.Target.Schema, e.Target.Threads),
        e.Cron, e.TimeZone, e.Paused, e.ActiveDeploymentId);

    public static DeploymentResponse ToResponse(this Deployment d, Guid? activeDeploymentId) => new(
        d.Id, d.EnvironmentId, d.CommitSha, d.Status == DeploymentStatus.Valid ? "valid" : "rejected", d.Id == activeDeploymentId,
        d.BundleHash, d.GraphHash, d.CreatedAt,
        [.. d.Problems.OrderBy(p => p.Ordinal).Select(p => new ProblemResponse(p.Code, p.Severity, p.Message, p.Path, p.Line, p.Column, Location(p)))]);

    private static string Location(DeploymentProblem p) =>
        p.Line <= 0 ? p.Path
        : p.Column <= 0 ? string.Create(CultureInfo.InvariantCulture, $"{p.Path}:{p.Line}")
        : string.Create(CultureInfo.InvariantCulture, $"{p.Path}:{p.Line}:{p.Column}");
}
