using Cedule.Server.Apis.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cedule.Server.Apis;

/// <summary>Deployments of an environment, one deployment with its problems, and its manifest.</summary>
public static class DeploymentsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapDeploymentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/projects/{projectId:guid}/environments/{name}/deployments").WithTags("Deployments").ProducesProblem(StatusCodes.Status404NotFound)
            .MapGet("/", ListAsync).WithName("ListDeployments");
        var api = app.MapGroup("/api/v1/deployments").WithTags("Deployments").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:guid}", GetAsync).WithName("GetDeployment");
        api.MapGet("/{id:guid}/manifest", GetManifestAsync).WithName("GetDeploymentManifest");
        return app;
    }

    /// <summary>The deployments of an environment, newest first (at most <paramref name="limit"/>, default 50).</summary>
    public static async Task<Results<Ok<List<DeploymentResponse>>, ProblemHttpResult>> ListAsync(
        Guid projectId, string name, int? limit, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var environment = await services.Db.Environments.AsNoTracking().SingleOrDefaultAsync(e => e.ProjectId == projectId && e.Name == name, cancellationToken).ConfigureAwait(false);
        if (environment is null)
        {
            return TypedResults.Problem(ApiProblems.NotFound("environment", name));
        }

        var deployments = await services.Db.Deployments.AsNoTracking().Include(d => d.Problems)
            .Where(d => d.EnvironmentId == environment.Id)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Take(Math.Clamp(limit ?? 50, 1, 500))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(deployments.Select(d => d.ToResponse(environment.ActiveDeploymentId)).ToList());
    }

    /// <summary>One deployment with its problems.</summary>
    public static async Task<Results<Ok<DeploymentResponse>, ProblemHttpResult>> GetAsync(
        Guid id, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var deployment = await services.Db.Deployments.AsNoTracking().Include(d => d.Problems).SingleOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false);
        if (deployment is null)
        {
            return TypedResults.Problem(ApiProblems.NotFound("deployment", id));
        }

        var active = await services.Db.Environments.Where(e => e.Id == deployment.EnvironmentId).Select(e => e.ActiveDeploymentId).SingleAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(deployment.ToResponse(active));
    }

    /// <summary>The deployment's manifest.json as the parse wrote it (404 for a rejected deployment: it has none).</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetManifestAsync(
        Guid id, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var manifest = await services.Db.Deployments.AsNoTracking().Where(d => d.Id == id).Select(d => d.ManifestJson).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return manifest is null
            ? TypedResults.Problem(ApiProblems.NotFound("manifest of deployment", id))
            : TypedResults.Content(manifest, "application/json");
    }
}
