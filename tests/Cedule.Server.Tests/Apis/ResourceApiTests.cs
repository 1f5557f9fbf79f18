using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cedule.Server.Apis.Contracts;
using Cedule.Server.Tests.Support;

namespace Cedule.Server.Tests.Apis;

public sealed class ResourceApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(ServerHost.Stores), MemberType = typeof(ServerHost))]
    public async Task CreateOrganization_Valid_ListedAndEventWritten(string store)
    {
        await using var server = await ServerHost.StartAsync(store, cancellationToken: Cancel);

        var created = await server.Http.PostAsJsonAsync("/api/v1/organizations", new { name = "CSS de la Capitale", slug = "capitale" }, Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var list = await server.Http.GetFromJsonAsync<List<OrganizationResponse>>("/api/v1/organizations", Cancel);
        Assert.Equal("capitale", Assert.Single(list!).Slug);
        var events = await server.WithStoreAsync(db => Task.FromResult(db.Events.Select(e => e.Type).ToList()));
        Assert.Equal([Domain.EventTypes.OrganizationCreated], events);
    }

    [Fact]
    public async Task CreateOrganization_InvalidSlug_ValidationProblemNamesTheField()
    {
        await using var server = await ServerHost.StartAsync("sqlite", cancellationToken: Cancel);

        var response = await server.Http.PostAsJsonAsync("/api/v1/organizations", new { name = "X", slug = "Not A Slug" }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(problem.GetProperty("errors").TryGetProperty("slug", out _));
    }

    [Theory]
    [MemberData(nameof(ServerHost.Stores), MemberType = typeof(ServerHost))]
    public async Task CreateOrganization_DuplicateSlug_ConflictAndNothingChanged(string store)
    {
        await using var server = await ServerHost.StartAsync(store, cancellationToken: Cancel);
        await server.Http.PostAsJsonAsync("/api/v1/organizations", new { name = "A", slug = "capitale" }, Cancel);

        var response = await server.Http.PostAsJsonAsync("/api/v1/organizations", new { name = "B", slug = "capitale" }, Cancel);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(1, await server.WithStoreAsync(db => Task.FromResult(db.Events.Count())));
    }

    [Fact]
    public async Task CreateEnvironment_UnknownAdapterAndTimeZone_ValidationProblem()
    {
        await using var server = await ServerHost.StartAsync("sqlite", cancellationToken: Cancel);
        var (projectId, _) = await Seed.ProjectAsync(server, "/nowhere.git");

        var response = await server.Http.PostAsJsonAsync($"/api/v1/projects/{projectId}/environments", new
        {
            name = "staging",
            branch = "develop",
            target = new { adapterType = "oracle", targetName = "dev", schema = "main" },
            timeZone = "Mars/Olympus",
        }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("target.adapterType", out _));
        Assert.True(errors.TryGetProperty("timeZone", out _));
    }

    [Fact]
    public async Task GetProject_Unknown_NotFoundProblem()
    {
        await using var server = await ServerHost.StartAsync("sqlite", cancellationToken: Cancel);

        var response = await server.Http.GetAsync(new Uri($"/api/v1/projects/{Guid.NewGuid()}", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheResources()
    {
        await using var server = await ServerHost.StartAsync("sqlite", cancellationToken: Cancel);

        using var document = JsonDocument.Parse(await server.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancel));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/organizations", paths);
        Assert.Contains("/api/v1/projects/{projectId}/environments/{name}/sync", paths);
        Assert.Contains("/api/v1/deployments/{id}", paths);
    }
}
