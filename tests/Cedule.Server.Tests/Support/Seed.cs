using Cedule.Server.Domain;

namespace Cedule.Server.Tests.Support;

/// <summary>Arranges an organization, a project on a test repository and one environment, straight in the store.</summary>
internal static class Seed
{
    public static async Task<(Guid ProjectId, Guid EnvironmentId)> ProjectAsync(ServerHost server, string remote, string branch = "main", string environment = "production")
    {
        var org = new Organization { Id = Guid.NewGuid(), Name = "CSS des Découvreurs", Slug = "decouvreurs-" + Guid.NewGuid().ToString("N")[..8] };
        var project = new Project { Id = Guid.NewGuid(), OrganizationId = org.Id, Name = "tableaux", RemoteUrl = remote };
        var env = new DeployEnvironment
        {
            Id = Guid.NewGuid(),
            ProjectId = project.Id,
            Name = environment,
            Branch = branch,
            Target = new TargetSettings { AdapterType = "duckdb", TargetName = "prod", Schema = "main" },
        };
        await server.WithStoreAsync(db =>
        {
            db.Organizations.Add(org);
            db.Projects.Add(project);
            db.Environments.Add(env);
            db.AddEvent(EventTypes.EnvironmentCreated, org.Id, env.Id, new { test = true }, DateTimeOffset.UnixEpoch);
            return db.SaveChangesAsync();
        });
        return (project.Id, env.Id);
    }
}
