using Cedule.Core.Diagnostics;
using Cedule.Core.Project;

namespace Cedule.Core.Packages;

/// <summary>Options of <see cref="PackageInstaller"/>.</summary>
public sealed record PackageInstallOptions
{
    /// <summary>
    /// A package mirror folder laid out as <c>&lt;org&gt;/&lt;name&gt;/&lt;version&gt;/</c> where hub packages
    /// are resolved (customers' servers are often offline). Defaults to <c>CEDULE_PACKAGES_MIRROR</c>.
    /// </summary>
    public string? MirrorDirectory { get; init; } = System.Environment.GetEnvironmentVariable("CEDULE_PACKAGES_MIRROR");

    /// <summary>
    /// The dbt package hub whose JSON API resolves hub packages when no mirror folder is given.
    /// Defaults to <c>CEDULE_HUB_URL</c>, else <c>https://hub.getdbt.com</c>.
    /// </summary>
    public string HubUrl { get; init; } = System.Environment.GetEnvironmentVariable("CEDULE_HUB_URL") is { Length: > 0 } url ? url : "https://hub.getdbt.com";

    /// <summary>The HTTP client for the hub; one with a 100-second timeout when null.</summary>
    public HttpClient? Http { get; init; }

    /// <summary>When set, every resolved hub package is also copied into this mirror folder (<c>cedule deps --mirror-to</c>).</summary>
    public string? MirrorTo { get; init; }

    /// <summary>Renders <c>{{ env_var(...) }}</c> in packages.yml values; identity when null.</summary>
    public Func<string, object?>? Render { get; init; }

    /// <summary>Receives one line per step, for progress display.</summary>
    public Action<string>? Log { get; init; }
}

/// <summary>A package installed into the project's <c>dbt_packages</c> folder.</summary>
/// <param name="Name">The package's project name (from its dbt_project.yml).</param>
/// <param name="Kind">local, git or hub.</param>
/// <param name="Source">Where it came from (path, URL, org/name).</param>
/// <param name="Version">The version or revision installed (a commit sha for git).</param>
/// <param name="InstalledPath">Absolute path of the installed folder.</param>
public sealed record InstalledPackage(string Name, string Kind, string Source, string? Version, string InstalledPath);

/// <summary>
/// <c>cedule deps</c>: installs the packages a project declares, and the packages' own packages,
/// into its <c>packages-install-path</c>. Local packages are copied, git packages are fetched
/// with the system git, hub packages come from a package mirror folder when one is given, else
/// from the package hub's JSON API (<see cref="PackageInstallOptions.HubUrl"/>).
/// </summary>
public sealed class PackageInstaller
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".git", "dbt_packages", "target", "logs" };

    private readonly PackageInstallOptions _options;

    /// <summary>Creates an installer.</summary>
    public PackageInstaller(PackageInstallOptions? options = null) => _options = options ?? new PackageInstallOptions();

    /// <summary>Installs every package of the project in <paramref name="projectDir"/>, replacing what was installed before.</summary>
    public async Task<IReadOnlyList<InstalledPackage>> InstallAsync(string projectDir, CancellationToken cancellationToken = default)
    {
        projectDir = Path.GetFullPath(projectDir);
        var project = ProjectFile.Read(File.ReadAllText(Path.Combine(projectDir, ProjectFile.FileName)), ProjectFile.FileName);
        var installRoot = Path.Combine(projectDir, project.PackagesInstallPath);
        if (Directory.Exists(installRoot))
        {
            Directory.Delete(installRoot, recursive: true);
        }

        Directory.CreateDirectory(installRoot);
        var installed = new Dictionary<string, InstalledPackage>(StringComparer.Ordinal);
        var queue = new Queue<(PackageSpec Spec, string DeclaredIn)>();
        foreach (var spec in PackagesFile.ReadFrom(projectDir, _options.Render))
        {
            queue.Enqueue((spec, projectDir));
        }

        var scratch = Path.Combine(Path.GetTempPath(), "cedule-deps-" + Guid.NewGuid().ToString("N"));
        HttpClient? ownHttp = null;
        HubClient? hubClient = null;
        HubClient Hub() => hubClient ??= new HubClient(_options.Http ?? (ownHttp = new HttpClient()), _options.HubUrl);
        try
        {
            while (queue.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (spec, declaredIn) = queue.Dequeue();
                var (folder, kind, source, version) = await FetchAsync(spec, declaredIn, scratch, Hub, cancellationToken).ConfigureAwait(false);
                var name = ReadProjectName(folder, spec);
                if (installed.ContainsKey(name) || string.Equals(name, project.Name, StringComparison.Ordinal))
                {
                    continue; // The first declaration wins, as the root's own packages come first.
                }

                var target = Path.Combine(installRoot, name);
                CopyDirectory(folder, target);
                var package = new InstalledPackage(name, kind, source, version, target);
                installed[name] = package;
                _options.Log?.Invoke($"installed {name} ({kind} {source}{(version is null ? string.Empty : " @ " + version)})");
                if (kind == "hub" && _options.MirrorTo is { } mirrorTo && spec is HubPackageSpec hub)
                {
                    CopyDirectory(folder, Path.Combine(mirrorTo, hub.Package.Replace('/', Path.DirectorySeparatorChar), version!));
                }

                foreach (var child in PackagesFile.ReadFrom(target, _options.Render))
                {
                    // A local path in a package is relative to where that package came from.
                    queue.Enqueue((child, child is LocalPackageSpec ? folder : target));
                }
            }
        }
        finally
        {
            ownHttp?.Dispose();
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        return [.. installed.Values];
    }

    private async Task<(string Folder, string Kind, string Source, string? Version)> FetchAsync(
        PackageSpec spec, string declaredIn, string scratch, Func<HubClient> hubClient, CancellationToken cancellationToken)
    {
        switch (spec)
        {
            case LocalPackageSpec local:
                var path = Path.GetFullPath(Path.Combine(declaredIn, local.Path));
                if (!Directory.Exists(path))
                {
                    throw NotFound(spec, $"local package folder '{local.Path}' does not exist ({path})");
                }

                return (path, "local", local.Path, null);

            case GitPackageSpec git:
                var clone = Path.Combine(scratch, Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(scratch);
                try
                {
                    await GitCommand.RunAsync(scratch, ["clone", "--quiet", git.Url, clone], cancellationToken).ConfigureAwait(false);
                    if (git.Revision is { Length: > 0 } revision)
                    {
                        await GitCommand.RunAsync(clone, ["checkout", "--quiet", revision], cancellationToken).ConfigureAwait(false);
                    }

                    var sha = (await GitCommand.RunAsync(clone, ["rev-parse", "HEAD"], cancellationToken).ConfigureAwait(false)).Trim();
                    var folder = git.Subdirectory is { Length: > 0 } sub ? Path.Combine(clone, sub) : clone;
                    if (!Directory.Exists(folder))
                    {
                        throw NotFound(spec, $"subdirectory '{git.Subdirectory}' does not exist in {git.Url}");
                    }

                    return (folder, "git", git.Url, sha);
                }
                catch (InvalidOperationException e)
                {
                    throw NotFound(spec, e.Message);
                }

            case HubPackageSpec hub when _options.MirrorDirectory is { Length: > 0 }:
                return ResolveFromMirror(hub, _options.MirrorDirectory);

            case HubPackageSpec hub:
                Directory.CreateDirectory(scratch);
                var (hubFolder, hubVersion) = await hubClient().FetchAsync(hub, scratch, cancellationToken).ConfigureAwait(false);
                return (hubFolder, "hub", hub.Package, hubVersion);

            default:
                throw new ArgumentOutOfRangeException(nameof(spec));
        }
    }

    private static (string Folder, string Kind, string Source, string? Version) ResolveFromMirror(HubPackageSpec hub, string mirror)
    {
        var folder = Path.Combine(mirror, hub.Package.Replace('/', Path.DirectorySeparatorChar));
        var versions = Directory.Exists(folder)
            ? Directory.GetDirectories(folder)
                .Select(d => (Dir: d, Version: PackageVersion.TryParse(Path.GetFileName(d))))
                .Where(v => v.Version is not null && v.Version.Satisfies(hub.VersionRanges))
                .OrderByDescending(v => v.Version)
                .ToList()
            : [];
        if (versions.Count == 0)
        {
            throw NotFound(hub, $"no version of '{hub.Package}' matching {string.Join(", ", hub.VersionRanges)} in the package mirror {mirror}");
        }

        return (versions[0].Dir, "hub", hub.Package, versions[0].Version!.ToString());
    }

    private static string ReadProjectName(string folder, PackageSpec spec)
    {
        var file = Path.Combine(folder, ProjectFile.FileName);
        if (!File.Exists(file))
        {
            throw NotFound(spec, $"{folder} has no {ProjectFile.FileName}: it is not a dbt package");
        }

        return ProjectFile.Read(File.ReadAllText(file), ProjectFile.FileName).Name;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null)
            {
                continue; // Symbolic links are never followed into a package: they could point anywhere.
            }

            var destination = Path.Combine(to, entry.Name);
            if (entry is DirectoryInfo dir)
            {
                if (!SkippedFolders.Contains(dir.Name))
                {
                    CopyDirectory(dir.FullName, destination);
                }
            }
            else
            {
                File.Copy(entry.FullName, destination, overwrite: true);
            }
        }
    }

    private static ProjectException NotFound(PackageSpec spec, string message) =>
        new(Diagnostic.Error(DiagnosticCodes.PackageNotFound, message, spec.Location));
}
