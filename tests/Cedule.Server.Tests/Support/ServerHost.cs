using Cedule.Server.Persistence;
using Cedule.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Cedule.Server.Tests.Support;

/// <summary>
/// A real <c>cedule server</c> on a loopback port with its own data folder and a fresh store
/// (a SQLite file, or a new PostgreSQL database from <c>scripts/test.sh</c>'s cluster).
/// </summary>
internal sealed class ServerHost : IAsyncDisposable
{
    /// <summary>The two store providers every persistence test runs on.</summary>
    public static TheoryData<string> Stores => new("sqlite", "postgres");

    private ServerHost(WebApplication app, string dataDirectory)
    {
        App = app;
        DataDirectory = dataDirectory;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public WebApplication App { get; }

    public string DataDirectory { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<ServerHost> StartAsync(
        string store, Action<IServiceCollection>? configureServices = null, IDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
    {
        var data = Directory.CreateTempSubdirectory("cedule-server-").FullName;
        var args = new List<string>
        {
            "--urls", "http://127.0.0.1:0",
            $"--Cedule:DataDirectory={data}",
            "--Logging:LogLevel:Default=Warning",
            $"--Cedule:Parser:Command={ChildCedule.Host}",
            $"--Cedule:Parser:PrefixArguments:0={ChildCedule.Dll}",
            "--Cedule:Git:PollInterval=00:00:00",
        };
        if (store == "postgres")
        {
            args.Add($"--Cedule:Store:Postgres={await TestPostgres.CreateDatabaseAsync("cedule_server", cancellationToken)}");
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            args.Add($"--{key}={value}");
        }

        var builder = CeduleServer.CreateBuilder([.. args]);
        configureServices?.Invoke(builder.Services);
        var app = CeduleServer.Build(builder);
        await CeduleServer.StartAsync(app, cancellationToken);
        return new ServerHost(app, data);
    }

    /// <summary>A store context in its own scope, for arranging and asserting.</summary>
    public async Task<T> WithStoreAsync<T>(Func<CeduleDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CeduleDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (a pooled SQLite handle) only leaves a temp folder behind.
        }
    }
}
