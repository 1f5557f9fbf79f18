using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cedule.Server.Apis.Contracts;
using Cedule.Server.Tests.Support;

namespace Cedule.Server.Tests.Apis;

public sealed class DeploymentFlowApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(ServerHost.Stores), MemberType = typeof(ServerHost))]
    public async Task Sync_ValidThenBrokenPush_ApiShowsActiveDeploymentAndRejectedErrors(string store)
    {
        using var repo = new TestRepository();
        repo.Write(TestRepository.ValidProject);
        var good = repo.CommitAndPush("first models");
        await using var server = await ServerHost.StartAsync(store, cancellationToken: Cancel);
        var http = server.Http;

        var org = await CreatedAsync<OrganizationResponse>(await http.PostAsJsonAsync("/api/v1/organizations", new { name = "CSS des Découvreurs", slug = "decouvreurs" }, Cancel));
        var project = await CreatedAsync<ProjectResponse>(await http.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/projects", new { name = "tableaux", remoteUrl = repo.BarePath }, Cancel));
        var environment = await CreatedAsync<EnvironmentResponse>(await http.PostAsJsonAsync($"/api/v1/projects/{project.Id}/environments", new
        {
            name = "production",
            branch = "main",
            target = new { adapterType = "duckdb", targetName = "prod", schema = "main", threads = 4 },
            cron = "0 6 * * *",
            timeZone = "America/Toronto",
        }, Cancel));
        Assert.Null(environment.ActiveDeploymentId);

        var valid = await CreatedAsync<DeploymentResponse>(await http.PostAsync(new Uri($"/api/v1/projects/{project.Id}/environments/production/sync", UriKind.Relative), null, Cancel));
        Assert.Equal(("valid", true, good), (valid.Status, valid.Active, valid.CommitSha));

        repo.Write(new Dictionary<string, string> { ["models/eleves.sql"] = "select eleve_id\nfrom {{ ref('stg_eleves' }}\n" });
        var bad = repo.CommitAndPush("broken ref");
        var rejected = await CreatedAsync<DeploymentResponse>(await http.PostAsync(new Uri($"/api/v1/projects/{project.Id}/environments/production/sync", UriKind.Relative), null, Cancel));
        Assert.Equal(("rejected", false, bad), (rejected.Status, rejected.Active, rejected.CommitSha));
        var error = Assert.Single(rejected.Problems, p => p.Severity == "error");
        Assert.StartsWith("models/eleves.sql:2:", error.Location, StringComparison.Ordinal);

        var again = await http.PostAsync(new Uri($"/api/v1/projects/{project.Id}/environments/production/sync", UriKind.Relative), null, Cancel);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var list = await http.GetFromJsonAsync<List<DeploymentResponse>>($"/api/v1/projects/{project.Id}/environments/production/deployments", Cancel);
        Assert.Equal([bad, good], list!.Select(d => d.CommitSha));
        var env = await http.GetFromJsonAsync<EnvironmentResponse>($"/api/v1/projects/{project.Id}/environments/production", Cancel);
        Assert.Equal(valid.Id, env!.ActiveDeploymentId);
        Assert.Equal(("America/Toronto", 4), (env.TimeZone, env.Target.Threads));

        using var manifest = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/v1/deployments/{valid.Id}/manifest", UriKind.Relative), Cancel));
        Assert.True(manifest.RootElement.GetProperty("nodes").TryGetProperty("model.ecole.eleves", out _));
        var noManifest = await http.GetAsync(new Uri($"/api/v1/deployments/{rejected.Id}/manifest", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, noManifest.StatusCode);
    }

    [Fact]
    public async Task Sync_UnreachableRemote_BadGatewayProblemAndNoDeployment()
    {
        await using var server = await ServerHost.StartAsync("sqlite", cancellationToken: Cancel);
        var (projectId, _) = await Seed.ProjectAsync(server, Path.Combine(server.DataDirectory, "no-such-repo.git"));

        var response = await server.Http.PostAsync(new Uri($"/api/v1/projects/{projectId}/environments/production/sync", UriKind.Relative), null, Cancel);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Contains("remote URL", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var deployments = await server.Http.GetFromJsonAsync<List<DeploymentResponse>>($"/api/v1/projects/{projectId}/environments/production/deployments", Cancel);
        Assert.Empty(deployments!);
    }

    private static async Task<T> CreatedAsync<T>(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        Assert.NotNull(response.Headers.Location);
        return (await response.Content.ReadFromJsonAsync<T>(Cancel))!;
    }
}
