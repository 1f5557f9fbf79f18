using Cedule.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cedule.Server.Persistence;

/// <summary>Registers the metadata store for the configured provider.</summary>
internal static class StoreRegistration
{
    public static IServiceCollection AddCeduleStore(this IServiceCollection services, CeduleServerOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Store.Postgres))
        {
            var connectionString = options.Store.Postgres;
            services.AddDbContext<CeduleDbContext, PostgresCeduleDbContext>(o => ConfigurePostgres(o, connectionString));
        }
        else
        {
            var connectionString = SqliteConnectionString(options);
            services.AddDbContext<CeduleDbContext, SqliteCeduleDbContext>(o => ConfigureSqlite(o, connectionString));
        }

        return services;
    }

    /// <summary>The SQLite connection string for the configured file (the folder is created on start).</summary>
    public static string SqliteConnectionString(CeduleServerOptions options) =>
        $"Data Source={Path.Combine(options.DataPath, options.Store.SqliteFile)};Pooling=True";

    public static void ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString).AddInterceptors(new SqliteConnectionSettings());

    public static void ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString);
}
