using Cedule.Server.Apis;
using Cedule.Server.Hosting;
using Cedule.Server.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cedule.Server;

/// <summary>
/// The control plane host behind <c>cedule server</c>: a plain ASP.NET Core application
/// (<c>--urls</c>, <c>appsettings.json</c>, <c>CEDULE__…</c> environment variables and command-line
/// options configure it). Tests build it the same way and swap services before <see cref="Build"/>.
/// </summary>
public static class CeduleServer
{
    /// <summary>The builder with configuration read and every service registered.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var options = builder.Configuration.GetSection(CeduleServerOptions.Section).Get<CeduleServerOptions>() ?? new CeduleServerOptions();
        builder.Services.Configure<CeduleServerOptions>(builder.Configuration.GetSection(CeduleServerOptions.Section));
        // Every SQL command at Information drowns the server's own log; configuration can lower it again.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddCeduleStore(options);
        builder.Services.AddSingleton<Git.GitRunner>();
        builder.Services.AddSingleton<Git.ProjectRepositoryCache>();
        builder.Services.AddSingleton<Deployments.BundleStore>();
        builder.Services.AddSingleton<Deployments.ChildProcessParser>();
        builder.Services.AddScoped<Deployments.DeploymentService>();
        builder.Services.AddHostedService<Deployments.GitPoller>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        return builder;
    }

    /// <summary>The application with its endpoints mapped (the store is not migrated yet: see <see cref="StartAsync"/>).</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapOrganizationsApi();
        app.MapProjectsApi();
        app.MapEnvironmentsApi();
        app.MapDeploymentsApi();
        // Live: the process answers. Ready: the store answers and is migrated.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }

    /// <summary>Creates the data folder, migrates the store and starts listening.</summary>
    public static async Task StartAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Configuration.GetSection(CeduleServerOptions.Section).Get<CeduleServerOptions>() ?? new CeduleServerOptions();
        Directory.CreateDirectory(options.DataPath);
        await StoreMigrator.MigrateAsync(app.Services, cancellationToken).ConfigureAwait(false);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the server until it is stopped (Ctrl+C, SIGTERM).</summary>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var app = Build(CreateBuilder(args));
        await using (app.ConfigureAwait(false))
        {
            await StartAsync(app, cancellationToken).ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
    }
}
