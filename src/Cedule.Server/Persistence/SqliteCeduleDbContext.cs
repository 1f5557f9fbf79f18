using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cedule.Server.Persistence;

/// <summary>The store on SQLite (the embedded default): its own migrations live in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteCeduleDbContext : CeduleDbContext
{
    /// <summary>Created by dependency injection or the design-time factory.</summary>
    public SqliteCeduleDbContext(DbContextOptions<SqliteCeduleDbContext> options)
        : base(options)
    {
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite has no timestamp type and EF cannot compare or sort DateTimeOffset stored as
        // text; as a 64-bit integer (UTC ticks and offset) it sorts and compares in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
