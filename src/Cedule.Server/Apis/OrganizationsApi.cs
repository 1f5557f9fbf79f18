using System.Text.RegularExpressions;
using Cedule.Server.Apis.Contracts;
using Cedule.Server.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cedule.Server.Apis;

/// <summary><c>/api/v1/organizations</c>: the tenants.</summary>
public static partial class OrganizationsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapOrganizationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/organizations").WithTags("Organizations").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/", ListAsync).WithName("ListOrganizations");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetOrganization");
        api.MapPost("/", CreateAsync).WithName("CreateOrganization");
        return app;
    }

    /// <summary>Every organization, by name.</summary>
    public static async Task<Ok<List<OrganizationResponse>>> ListAsync([AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var organizations = await services.Db.Organizations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(organizations.Select(o => o.ToResponse()).ToList());
    }

    /// <summary>One organization.</summary>
    public static async Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> GetAsync(
        Guid id, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var organization = await services.Db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken).ConfigureAwait(false);
        return organization is null
            ? TypedResults.Problem(ApiProblems.NotFound("organization", id))
            : TypedResults.Ok(organization.ToResponse());
    }

    /// <summary>Creates an organization.</summary>
    public static async Task<Results<Created<OrganizationResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateOrganizationRequest request, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(services);
        var errors = new RequestErrors()
            .Check(string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200, "name", "give a name of 1 to 200 characters")
            .Check(request.Slug is null || !SlugPattern().IsMatch(request.Slug), "slug", "give a slug of 2 to 64 lowercase letters, digits and dashes, starting with a letter (css-decouvreurs)");
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.All);
        }

        if (await services.Db.Organizations.AnyAsync(o => o.Slug == request.Slug, cancellationToken).ConfigureAwait(false))
        {
            return TypedResults.Problem(ApiProblems.Conflict($"an organization with the slug '{request.Slug}' exists already: choose another slug"));
        }

        var now = services.Time.GetUtcNow();
        var organization = new Organization { Id = Guid.CreateVersion7(now), Name = request.Name!.Trim(), Slug = request.Slug!, CreatedAt = now };
        services.Db.Organizations.Add(organization);
        services.Db.AddEvent(EventTypes.OrganizationCreated, organization.Id, organization.Id, new { organization.Name, organization.Slug }, now);
        await services.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/organizations/{organization.Id}", organization.ToResponse());
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
