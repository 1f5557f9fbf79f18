using Cedule.Core.Diagnostics;
using Cedule.Core.Project;

namespace Cedule.Core.Tests.ProjectFiles;

public sealed class ProfilesFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cedule-profiles-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Profiles = """
        css_demo:
          target: dev
          outputs:
            dev:
              type: duckdb
              path: "{{ env_var('WAREHOUSE_DIR', '/data') }}/entrepot.duckdb"
              threads: 4
            prod:
              type: postgres
              host: db.example.org
              user: cedule
              password: "{{ env_var('DBT_ENV_SECRET_PG_PASSWORD') }}"
              dbname: entrepot
              schema: analytique
              threads: "{{ env_var('THREADS', '8') }}"
        """;

    [Fact]
    public void Resolve_DefaultTarget_RendersEnvVarsAndDerivesDuckDbFacts()
    {
        File.WriteAllText(Path.Combine(_dir, "profiles.yml"), Profiles);

        var profile = ProfilesFile.Resolve("css_demo", null, _dir, _dir, name => name == "WAREHOUSE_DIR" ? "/srv/css" : null);

        Assert.Equal("dev", profile.Facts.Name);
        Assert.Equal("duckdb", profile.Facts.Type);
        Assert.Equal("entrepot", profile.Facts.Database);
        Assert.Equal("main", profile.Facts.Schema);
        Assert.Equal(4, profile.Facts.Threads);
        Assert.Equal("/srv/css/entrepot.duckdb", profile.Settings["path"]);
        Assert.Empty(profile.SecretValues);
    }

    [Fact]
    public void Resolve_SecretFromEnvironment_IsListedForMaskingAndThreadsBecomeAnInt()
    {
        File.WriteAllText(Path.Combine(_dir, "profiles.yml"), Profiles);

        var profile = ProfilesFile.Resolve("css_demo", "prod", _dir, _dir,
            name => name == "DBT_ENV_SECRET_PG_PASSWORD" ? "s3cr3t-canary" : null);

        Assert.Equal(["s3cr3t-canary"], profile.SecretValues);
        Assert.Equal(8, profile.Facts.Threads);
        Assert.Equal("analytique", profile.Facts.Schema);
        Assert.Equal("entrepot", profile.Facts.Database);
    }

    [Fact]
    public void Resolve_UnknownTarget_ListsTheOutputsWithoutRevealingSecrets()
    {
        File.WriteAllText(Path.Combine(_dir, "profiles.yml"), Profiles);

        var error = Assert.Throws<ProjectException>(() =>
            ProfilesFile.Resolve("css_demo", "staging", _dir, _dir, name => name == "DBT_ENV_SECRET_PG_PASSWORD" ? "s3cr3t-canary" : null));

        var message = error.Diagnostics[0].Message;
        Assert.Contains("'staging'", message, StringComparison.Ordinal);
        Assert.Contains("dev, prod", message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-canary", message, StringComparison.Ordinal);
    }

    [Fact]
    public void SearchPath_WithoutOption_UsesEnvironmentVariableThenProjectThenHome()
    {
        Assert.Equal(["/etc/cedule"], ProfilesFile.SearchPath(null, "/p", n => n == "CEDULE_PROFILES_DIR" ? "/etc/cedule" : null));
        Assert.Equal(["/p", Path.Combine("/home/u", ".dbt")], ProfilesFile.SearchPath(null, "/p", n => n == "HOME" ? "/home/u" : null));
        Assert.Equal(["/x"], ProfilesFile.SearchPath("/x", "/p", _ => "/ignored"));
    }

    [Fact]
    public void Resolve_NoFile_SaysWhereItLooked()
    {
        var error = Assert.Throws<ProjectException>(() => ProfilesFile.Resolve("css_demo", null, null, _dir, _ => null));

        Assert.Equal(DiagnosticCodes.ProfilesConfig, error.Diagnostics[0].Code);
        Assert.Contains(_dir, error.Diagnostics[0].Message, StringComparison.Ordinal);
    }
}
