using Cedule.Server.Apis.Contracts;
using Cedule.Server.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cedule.Server.Apis;

/// <summary><c>/api/v1/organizations/{organizationId}/projects</c> and <c>/api/v1/projects/{id}</c>.</summary>
public static class ProjectsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var byOrganization = app.MapGroup("/api/v1/organizations/{organizationId:guid}/projects").WithTags("Projects").ProducesProblem(StatusCodes.Status404NotFound);
        byOrganization.MapGet("/", ListAsync).WithName("ListProjects");
        byOrganization.MapPost("/", CreateAsync).WithName("CreateProject");
        app.MapGroup("/api/v1/projects").WithTags("Projects").ProducesProblem(StatusCodes.Status404NotFound).MapGet("/{id:guid}", GetAsync).WithName("GetProject");
        return app;
    }

    /// <summary>The projects of an organization.</summary>
    public static async Task<Results<Ok<List<ProjectResponse>>, ProblemHttpResult>> ListAsync(
        Guid organizationId, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!await services.Db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken).ConfigureAwait(false))
        {
            return TypedResults.Problem(ApiProblems.NotFound("organization", organizationId));
        }

        var projects = await services.Db.Projects.AsNoTracking().Where(p => p.OrganizationId == organizationId).OrderBy(p => p.Name)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(projects.Select(p => p.ToResponse()).ToList());
    }

    /// <summary>One project.</summary>
    public static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> GetAsync(
        Guid id, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var project = await services.Db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false);
        return project is null ? TypedResults.Problem(ApiProblems.NotFound("project", id)) : TypedResults.Ok(project.ToResponse());
    }

    /// <summary>Creates a project.</summary>
    public static async Task<Results<Created<ProjectResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid organizationId, CreateProjectRequest request, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(services);
        var errors = new RequestErrors()
            .Check(string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200, "name", "give a name of 1 to 200 characters")
            .Check(string.IsNullOrWhiteSpace(request.RemoteUrl) || request.RemoteUrl.Length > 2000 || request.RemoteUrl.StartsWith('-'),
                "remoteUrl", "give the git remote: an https or ssh URL, or the path of a repository on the server");
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.All);
        }

        if (!await services.Db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken).ConfigureAwait(false))
        {
            return TypedResults.Problem(ApiProblems.NotFound("organization", organizationId));
        }

        var name = request.Name!.Trim();
        if (await services.Db.Projects.AnyAsync(p => p.OrganizationId == organizationId && p.Name == name, cancellationToken).ConfigureAwait(false))
        {
            return TypedResults.Problem(ApiProblems.Conflict($"the organization has a project named '{name}' already"));
        }

        var now = services.Time.GetUtcNow();
        var project = new Project { Id = Guid.CreateVersion7(now), OrganizationId = organizationId, Name = name, RemoteUrl = request.RemoteUrl!.Trim(), CreatedAt = now };
        services.Db.Projects.Add(project);
        services.Db.AddEvent(EventTypes.ProjectCreated, organizationId, project.Id, new { project.Name, project.RemoteUrl }, now);
        await services.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/projects/{project.Id}", project.ToResponse());
    }
}
