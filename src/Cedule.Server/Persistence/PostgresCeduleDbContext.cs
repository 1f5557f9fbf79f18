using Microsoft.EntityFrameworkCore;

namespace Cedule.Server.Persistence;

/// <summary>The store on PostgreSQL (production, several replicas): its own migrations live in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresCeduleDbContext : CeduleDbContext
{
    /// <summary>Created by dependency injection or the design-time factory.</summary>
    public PostgresCeduleDbContext(DbContextOptions<PostgresCeduleDbContext> options)
        : base(options)
    {
    }
}
