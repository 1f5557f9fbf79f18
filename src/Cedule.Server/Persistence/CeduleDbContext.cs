using System.Text.Json;
using Cedule.Server.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cedule.Server.Persistence;

/// <summary>
/// The metadata store. One model, two providers: each has its own derived context
/// (<see cref="SqliteCeduleDbContext"/>, <see cref="PostgresCeduleDbContext"/>) and so its own
/// migration set, because the two databases need different SQL for the same schema.
/// </summary>
/// <remarks>
/// Every state change is one <c>SaveChanges</c> (one transaction) that also writes its
/// <see cref="OutboxEvent"/>: <see cref="SaveChangesAsync(bool, CancellationToken)"/> refuses a
/// change to the domain without an event, so no code path can forget it.
/// </remarks>
public abstract class CeduleDbContext : DbContext
{
    /// <summary>For the derived provider contexts.</summary>
    protected CeduleDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Organizations.</summary>
    public DbSet<Organization> Organizations => Set<Organization>();

    /// <summary>Projects.</summary>
    public DbSet<Project> Projects => Set<Project>();

    /// <summary>Environments.</summary>
    public DbSet<DeployEnvironment> Environments => Set<DeployEnvironment>();

    /// <summary>Deployments.</summary>
    public DbSet<Deployment> Deployments => Set<Deployment>();

    /// <summary>The event outbox.</summary>
    public DbSet<OutboxEvent> Events => Set<OutboxEvent>();

    /// <summary>Adds the event of the change being made; it is saved in the same transaction.</summary>
    public void AddEvent(string type, Guid organizationId, Guid subjectId, object payload, DateTimeOffset occurredAt) =>
        Events.Add(new OutboxEvent
        {
            Type = type,
            OrganizationId = organizationId,
            SubjectId = subjectId,
            Payload = JsonSerializer.Serialize(payload, JsonSerializerOptions.Web),
            OccurredAt = occurredAt,
        });

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        CheckEventWritten();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        CheckEventWritten();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Organization>(e =>
        {
            e.ToTable("organizations");
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.Slug).HasMaxLength(64);
            e.HasIndex(o => o.Slug).IsUnique();
        });
        modelBuilder.Entity<Project>(e =>
        {
            e.ToTable("projects");
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.RemoteUrl).HasMaxLength(2000);
            e.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => new { p.OrganizationId, p.Name }).IsUnique();
            e.HasMany(p => p.Environments).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<DeployEnvironment>(e =>
        {
            e.ToTable("environments");
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Branch).HasMaxLength(250);
            e.Property(x => x.Cron).HasMaxLength(100);
            e.Property(x => x.TimeZone).HasMaxLength(100);
            e.HasIndex(x => new { x.ProjectId, x.Name }).IsUnique();
            e.OwnsOne(x => x.Target, t =>
            {
                t.Property(p => p.AdapterType).HasColumnName("adapter_type").HasMaxLength(50);
                t.Property(p => p.TargetName).HasColumnName("target_name").HasMaxLength(100);
                t.Property(p => p.Database).HasColumnName("target_database").HasMaxLength(200);
                t.Property(p => p.Schema).HasColumnName("target_schema").HasMaxLength(200);
                t.Property(p => p.Threads).HasColumnName("threads");
            });
            e.HasOne<Deployment>().WithMany().HasForeignKey(x => x.ActiveDeploymentId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Deployment>(e =>
        {
            e.ToTable("deployments");
            e.Property(d => d.CommitSha).HasMaxLength(64);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.BundleHash).HasMaxLength(64);
            e.Property(d => d.GraphHash).HasMaxLength(64);
            e.HasOne<DeployEnvironment>().WithMany().HasForeignKey(d => d.EnvironmentId).OnDelete(DeleteBehavior.Restrict);
            // One deployment per commit and environment: two concurrent syncs of the same push
            // race on this index, and the loser reads the winner's row.
            e.HasIndex(d => new { d.EnvironmentId, d.CommitSha }).IsUnique();
            e.HasIndex(d => new { d.EnvironmentId, d.CreatedAt });
            e.HasMany(d => d.Problems).WithOne().HasForeignKey(p => p.DeploymentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<DeploymentProblem>(e =>
        {
            e.ToTable("deployment_problems");
            e.Property(p => p.Code).HasMaxLength(20);
            e.Property(p => p.Severity).HasMaxLength(10);
            e.Property(p => p.Path).HasMaxLength(1000);
            e.HasIndex(p => new { p.DeploymentId, p.Ordinal });
        });
        modelBuilder.Entity<OutboxEvent>(e =>
        {
            e.ToTable("events");
            e.Property(x => x.Type).HasMaxLength(100);
            e.HasIndex(x => new { x.OrganizationId, x.Id });
        });
    }

    private void CheckEventWritten()
    {
        var changed = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changed.Count > 0 && !changed.Any(e => e.Entity is OutboxEvent && e.State == EntityState.Added))
        {
            var types = string.Join(", ", changed.Select(e => e.Entity.GetType().Name).Distinct(StringComparer.Ordinal));
            throw new InvalidOperationException(
                $"A change to the store ({types}) must write its outbox event in the same transaction: call AddEvent before saving.");
        }
    }
}
