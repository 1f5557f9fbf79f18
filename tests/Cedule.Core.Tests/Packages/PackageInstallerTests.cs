using Cedule.Core.Diagnostics;
using Cedule.Core.Packages;

namespace Cedule.Core.Tests.Packages;

/// <summary>Installs packages from real folders, a real git repository (system git) and a mirror folder.</summary>
public sealed class PackageInstallerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cedule-deps-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Install_LocalGitAndHubPackages_InstallsEachWithItsOwnPackages()
    {
        var ct = TestContext.Current.CancellationToken;
        // A hub package in a mirror folder, three versions.
        foreach (var version in new[] { "1.0.0", "1.2.0", "2.0.0" })
        {
            WriteProject(Path.Combine(_dir, "mirror", "dbt-labs", "dbt_utils", version), "dbt_utils", version);
        }

        // The "core" package lives in a git repository, pinned by tag; it needs dbt_utils itself.
        var coreRepo = Path.Combine(_dir, "core-repo");
        WriteProject(Path.Combine(coreRepo, "dbt"), "core", "1.0.0",
            "packages:\n  - package: dbt-labs/dbt_utils\n    version: [\">=1.0.0\", \"<2.0.0\"]\n");
        await Git(coreRepo, ct, "init", "--quiet", "--initial-branch=main");
        await Git(coreRepo, ct, "add", ".");
        await Git(coreRepo, ct, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "--quiet", "-m", "v1");
        await Git(coreRepo, ct, "tag", "v1.0.0");
        File.WriteAllText(Path.Combine(coreRepo, "dbt", "models", "after_tag.sql"), "select 2");
        await Git(coreRepo, ct, "add", ".");
        await Git(coreRepo, ct, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "--quiet", "-m", "after");

        // A local package next to the project.
        WriteProject(Path.Combine(_dir, "shared"), "shared_macros", "0.1.0");

        var project = Path.Combine(_dir, "centre");
        WriteProject(project, "centre", "1.0.0", $"""
            packages:
              - local: ../shared
              - git: "{coreRepo}"
                revision: v1.0.0
                subdirectory: dbt
            """);

        var installed = await new PackageInstaller(new PackageInstallOptions { MirrorDirectory = Path.Combine(_dir, "mirror") })
            .InstallAsync(project, ct);

        Assert.Equal(["shared_macros", "core", "dbt_utils"], installed.Select(p => p.Name));
        Assert.Equal("1.2.0", installed.Single(p => p.Name == "dbt_utils").Version);
        Assert.Matches("^[0-9a-f]{40}$", installed.Single(p => p.Name == "core").Version);
        Assert.True(File.Exists(Path.Combine(project, "dbt_packages", "core", "models", "m.sql")));
        Assert.False(File.Exists(Path.Combine(project, "dbt_packages", "core", "models", "after_tag.sql")), "the tag, not the branch head, is installed");
        Assert.True(File.Exists(Path.Combine(project, "dbt_packages", "dbt_utils", "dbt_project.yml")));
        Assert.Contains("1.2.0", File.ReadAllText(Path.Combine(project, "dbt_packages", "dbt_utils", "dbt_project.yml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_MirrorTo_FillsAMirrorThatAnOfflineInstallCanUse()
    {
        var ct = TestContext.Current.CancellationToken;
        WriteProject(Path.Combine(_dir, "mirror", "dbt-labs", "dbt_utils", "1.3.0"), "dbt_utils", "1.3.0");
        var project = Path.Combine(_dir, "p");
        WriteProject(project, "p", "1.0.0", "packages:\n  - package: dbt-labs/dbt_utils\n    version: 1.3.0\n");

        var copy = Path.Combine(_dir, "copy");
        await new PackageInstaller(new PackageInstallOptions { MirrorDirectory = Path.Combine(_dir, "mirror"), MirrorTo = copy })
            .InstallAsync(project, ct);
        var again = await new PackageInstaller(new PackageInstallOptions { MirrorDirectory = copy }).InstallAsync(project, ct);

        Assert.Equal("1.3.0", Assert.Single(again).Version);
    }

    [Fact]
    public async Task Install_NoMatchingVersion_NamesThePackageAndTheRanges()
    {
        var ct = TestContext.Current.CancellationToken;
        WriteProject(Path.Combine(_dir, "mirror", "dbt-labs", "dbt_utils", "0.9.0"), "dbt_utils", "0.9.0");
        var project = Path.Combine(_dir, "p");
        WriteProject(project, "p", "1.0.0", "packages:\n  - package: dbt-labs/dbt_utils\n    version: [\">=1.0.0\"]\n");

        var error = await Assert.ThrowsAsync<ProjectException>(() =>
            new PackageInstaller(new PackageInstallOptions { MirrorDirectory = Path.Combine(_dir, "mirror") }).InstallAsync(project, ct));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.PackageNotFound, diagnostic.Code);
        Assert.Contains("dbt-labs/dbt_utils", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(">=1.0.0", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(2, diagnostic.Location.Line);
    }

    [Fact]
    public async Task Install_GitRevisionFromEnvVar_UsesTheRenderer()
    {
        var ct = TestContext.Current.CancellationToken;
        var repo = Path.Combine(_dir, "repo");
        WriteProject(repo, "core", "1.0.0");
        await Git(repo, ct, "init", "--quiet", "--initial-branch=main");
        await Git(repo, ct, "add", ".");
        await Git(repo, ct, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "--quiet", "-m", "v1");
        await Git(repo, ct, "tag", "v7");
        var project = Path.Combine(_dir, "p");
        WriteProject(project, "p", "1.0.0", $"packages:\n  - git: \"{repo}\"\n    revision: \"{{{{ env_var('CORE_REVISION') }}}}\"\n");

        var installed = await new PackageInstaller(new PackageInstallOptions
        {
            Render = text => text.Contains("env_var('CORE_REVISION')", StringComparison.Ordinal) ? "v7" : text,
        }).InstallAsync(project, ct);

        Assert.Equal("core", Assert.Single(installed).Name);
    }

    private static void WriteProject(string dir, string name, string version, string? packages = null)
    {
        Directory.CreateDirectory(Path.Combine(dir, "models"));
        File.WriteAllText(Path.Combine(dir, "dbt_project.yml"), $"name: {name}\nversion: \"{version}\"\nconfig-version: 2\n");
        File.WriteAllText(Path.Combine(dir, "models", "m.sql"), "select 1");
        if (packages is not null)
        {
            File.WriteAllText(Path.Combine(dir, "packages.yml"), packages);
        }
    }

    private static Task<string> Git(string dir, CancellationToken ct, params string[] args) => GitCommand.RunAsync(dir, args, ct);
}
