using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cedule.Server.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add X --context SqliteCeduleDbContext --output-dir Persistence/Migrations/Sqlite</c>
/// build the model without starting a server (no database is opened).
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCeduleDbContext>
{
    public SqliteCeduleDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteCeduleDbContext>();
        StoreRegistration.ConfigureSqlite(builder, "Data Source=design-time.db");
        return new SqliteCeduleDbContext(builder.Options);
    }
}

/// <summary>The same for <c>--context PostgresCeduleDbContext --output-dir Persistence/Migrations/Postgres</c>.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCeduleDbContext>
{
    public PostgresCeduleDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresCeduleDbContext>();
        StoreRegistration.ConfigurePostgres(builder, "Host=localhost;Database=cedule_design_time");
        return new PostgresCeduleDbContext(builder.Options);
    }
}
