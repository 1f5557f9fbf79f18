using System.Net;
using Cedule.Server.Tests.Support;

namespace Cedule.Server.Tests.Hosting;

public sealed class HealthTests
{
    [Theory]
    [MemberData(nameof(ServerHost.Stores), MemberType = typeof(ServerHost))]
    public async Task HealthEndpoints_FreshStore_LiveAndReadyAfterMigrations(string store)
    {
        await using var server = await ServerHost.StartAsync(store, cancellationToken: TestContext.Current.CancellationToken);

        var live = await server.Http.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);
        var ready = await server.Http.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task HealthReady_PostgresUnreachable_IsUnavailable()
    {
        // A server whose store disappears after start (the database dropped) must stop saying it is ready.
        _ = TestSupport.TestPostgres.ConnectionString;
        var unreachable = "Host=127.0.0.1;Port=1;Database=nothing;Username=x;Password=y;Timeout=2";
        var builder = CeduleServer.CreateBuilder(["--urls", "http://127.0.0.1:0", $"--Cedule:Store:Postgres={unreachable}", "--Logging:LogLevel:Default=None"]);
        await using var app = CeduleServer.Build(builder);
        await app.StartAsync(TestContext.Current.CancellationToken); // not migrated: the store is down
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);
        var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task OpenApi_Document_IsServed()
    {
        await using var server = await ServerHost.StartAsync("sqlite", cancellationToken: TestContext.Current.CancellationToken);

        var document = await server.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("\"openapi\"", document, StringComparison.Ordinal);
    }
}
