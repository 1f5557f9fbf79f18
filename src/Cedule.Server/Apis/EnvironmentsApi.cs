using Cedule.Server.Apis.Contracts;
using Cedule.Server.Deployments;
using Cedule.Server.Domain;
using Cedule.Server.Git;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cedule.Server.Apis;

/// <summary><c>/api/v1/projects/{projectId}/environments</c>, and the sync action that deploys a branch head.</summary>
public static class EnvironmentsApi
{
    private static readonly string[] AdapterTypes = ["duckdb", "postgres", "sqlserver", "fabric"];

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapEnvironmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/projects/{projectId:guid}/environments").WithTags("Environments").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/", ListAsync).WithName("ListEnvironments");
        api.MapGet("/{name}", GetAsync).WithName("GetEnvironment");
        api.MapPost("/", CreateAsync).WithName("CreateEnvironment");
        api.MapPost("/{name}/sync", SyncAsync).WithName("SyncEnvironment")
            .WithSummary("Fetches the branch head and deploys it (idempotent: a commit already deployed is returned as it is).");
        return app;
    }

    /// <summary>The environments of a project.</summary>
    public static async Task<Results<Ok<List<EnvironmentResponse>>, ProblemHttpResult>> ListAsync(
        Guid projectId, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!await services.Db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken).ConfigureAwait(false))
        {
            return TypedResults.Problem(ApiProblems.NotFound("project", projectId));
        }

        var environments = await services.Db.Environments.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.Name)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(environments.Select(e => e.ToResponse()).ToList());
    }

    /// <summary>One environment.</summary>
    public static async Task<Results<Ok<EnvironmentResponse>, ProblemHttpResult>> GetAsync(
        Guid projectId, string name, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var environment = await services.Db.Environments.AsNoTracking().SingleOrDefaultAsync(e => e.ProjectId == projectId && e.Name == name, cancellationToken).ConfigureAwait(false);
        return environment is null ? TypedResults.Problem(ApiProblems.NotFound("environment", name)) : TypedResults.Ok(environment.ToResponse());
    }

    /// <summary>Creates an environment.</summary>
    public static async Task<Results<Created<EnvironmentResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid projectId, CreateEnvironmentRequest request, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(services);
        var target = request.Target;
        var timeZone = string.IsNullOrWhiteSpace(request.TimeZone) ? "UTC" : request.TimeZone.Trim();
        var errors = new RequestErrors()
            .Check(string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100 || request.Name.Contains('/', StringComparison.Ordinal),
                "name", "give a name of 1 to 100 characters without '/' (staging, production)")
            .Check(string.IsNullOrWhiteSpace(request.Branch) || request.Branch.Length > 250 || request.Branch.StartsWith('-'), "branch", "give the git branch to deploy (main)")
            .Check(target is null, "target", "give the target facts: adapterType, targetName, schema (database and threads are optional)")
            .Check(target is not null && !AdapterTypes.Contains(target.AdapterType, StringComparer.Ordinal),
                "target.adapterType", $"give one of {string.Join(", ", AdapterTypes)}")
            .Check(target is not null && string.IsNullOrWhiteSpace(target.TargetName), "target.targetName", "give the profile target's name (prod)")
            .Check(target is not null && string.IsNullOrWhiteSpace(target.Schema), "target.schema", "give the target's default schema")
            .Check(target?.Threads is < 1 or > 256, "target.threads", "give 1 to 256 threads")
            .Check(!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _), "timeZone", $"'{timeZone}' is not an IANA time zone (America/Toronto)");
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.All);
        }

        var project = await services.Db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken).ConfigureAwait(false);
        if (project is null)
        {
            return TypedResults.Problem(ApiProblems.NotFound("project", projectId));
        }

        var name = request.Name!.Trim();
        if (await services.Db.Environments.AnyAsync(e => e.ProjectId == projectId && e.Name == name, cancellationToken).ConfigureAwait(false))
        {
            return TypedResults.Problem(ApiProblems.Conflict($"the project has an environment named '{name}' already"));
        }

        var now = services.Time.GetUtcNow();
        var environment = new DeployEnvironment
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = projectId,
            Name = name,
            Branch = request.Branch!.Trim(),
            Target = new TargetSettings
            {
                AdapterType = target!.AdapterType!,
                TargetName = target.TargetName!.Trim(),
                Database = string.IsNullOrWhiteSpace(target.Database) ? null : target.Database.Trim(),
                Schema = target.Schema!.Trim(),
                Threads = target.Threads ?? 1,
            },
            Cron = string.IsNullOrWhiteSpace(request.Cron) ? null : request.Cron.Trim(),
            TimeZone = timeZone,
            Paused = request.Paused ?? false,
            CreatedAt = now,
        };
        services.Db.Environments.Add(environment);
        services.Db.AddEvent(EventTypes.EnvironmentCreated, project.OrganizationId, environment.Id, new { environment.Name, environment.Branch }, now);
        await services.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/projects/{projectId}/environments/{environment.Name}", environment.ToResponse());
    }

    /// <summary>Deploys the branch head now: 201 with a new deployment, 200 when that commit was deployed already.</summary>
    internal static async Task<Results<Created<DeploymentResponse>, Ok<DeploymentResponse>, ProblemHttpResult>> SyncAsync(
        Guid projectId, string name, [FromServices] DeploymentService deployments, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployments);
        ArgumentNullException.ThrowIfNull(services);
        SyncResult? result;
        try
        {
            result = await deployments.SyncAsync(projectId, name, cancellationToken).ConfigureAwait(false);
        }
        catch (GitException e)
        {
            return TypedResults.Problem(ApiProblems.GitFailed(e.Message));
        }

        if (result is null)
        {
            return TypedResults.Problem(ApiProblems.NotFound("environment", name));
        }

        var active = await services.Db.Environments.Where(e => e.Id == result.Deployment.EnvironmentId).Select(e => e.ActiveDeploymentId)
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        var body = result.Deployment.ToResponse(active);
        return result.Created
            ? TypedResults.Created($"/api/v1/deployments/{body.Id}", body)
            : TypedResults.Ok(body);
    }
}
