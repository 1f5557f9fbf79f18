using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Cedule.Core.Diagnostics;
using Cedule.Core.Packages;

namespace Cedule.Core.Tests.Packages;

/// <summary>Hub packages resolved through a real HTTP server on loopback that speaks the hub's JSON API.</summary>
public sealed class HubPackageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cedule-hub-test-").FullName;
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly List<string> _requests = [];
    private readonly string _url;

    public HubPackageTests()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            _url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
        }

        _listener.Prefixes.Add(_url);
        _listener.Start();
        _ = ServeAsync();
        _files["/api/v1/index.json"] = Encoding.UTF8.GetBytes("""["dbt-labs/dbt_utils", "calogica/dbt_expectations"]""");
        var versions = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var version in new[] { "0.9.6", "1.1.1", "1.3.0", "2.0.0", "1.4.0-b1" })
        {
            _files[$"/tarballs/dbt-utils-{version}.tar.gz"] = Tarball($"dbt-utils-{version}", version);
            versions[version] = new
            {
                name = "dbt_utils",
                version,
                packages = Array.Empty<object>(),
                downloads = new { tarball = $"{_url}tarballs/dbt-utils-{version}.tar.gz", format = "tgz" },
            };
        }

        _files["/api/v1/dbt-labs/dbt_utils.json"] = JsonSerializer.SerializeToUtf8Bytes(new { name = "dbt_utils", @namespace = "dbt-labs", latest = "2.0.0", versions });
    }

    public void Dispose()
    {
        _listener.Close();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            lock (_requests)
            {
                _requests.Add(path);
            }

            if (_files.TryGetValue(path, out var body))
            {
                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body);
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            context.Response.Close();
        }
    }

    /// <summary>A gzipped tar with one top-level folder holding a dbt project, as GitHub's codeload serves them.</summary>
    private static byte[] Tarball(string folder, string version)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip))
        {
            void Add(string name, string text) =>
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, $"{folder}/{name}") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
            Add("dbt_project.yml", $"name: dbt_utils\nversion: \"{version}\"\nconfig-version: 2\n");
            Add("macros/star.sql", "{% macro star() %}*{% endmacro %}");
        }

        return output.ToArray();
    }

    private string Project(string packages)
    {
        var project = Path.Combine(_dir, "p");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "dbt_project.yml"), "name: p\nversion: \"1.0.0\"\nconfig-version: 2\n");
        File.WriteAllText(Path.Combine(project, "packages.yml"), packages);
        return project;
    }

    [Fact]
    public async Task Install_HubPackageOverHttp_InstallsTheNewestReleaseInTheRanges()
    {
        var project = Project("packages:\n  - package: dbt-labs/dbt_utils\n    version: [\">=1.0.0\", \"<2.0.0\"]\n");
        var mirror = Path.Combine(_dir, "mirror");

        var installed = await new PackageInstaller(new PackageInstallOptions { HubUrl = _url, MirrorDirectory = null, MirrorTo = mirror })
            .InstallAsync(project, TestContext.Current.CancellationToken);

        var package = Assert.Single(installed);
        Assert.Equal(("dbt_utils", "hub", "1.3.0"), (package.Name, package.Kind, package.Version));
        Assert.True(File.Exists(Path.Combine(project, "dbt_packages", "dbt_utils", "macros", "star.sql")));
        Assert.Contains("\"1.3.0\"", File.ReadAllText(Path.Combine(project, "dbt_packages", "dbt_utils", "dbt_project.yml")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(mirror, "dbt-labs", "dbt_utils", "1.3.0", "dbt_project.yml")), "--mirror-to keeps what the hub gave");
        Assert.Equal(["/api/v1/index.json", "/api/v1/dbt-labs/dbt_utils.json", "/tarballs/dbt-utils-1.3.0.tar.gz"], _requests);
    }

    [Fact]
    public async Task Install_MirrorGiven_WinsOverTheHub()
    {
        var project = Project("packages:\n  - package: dbt-labs/dbt_utils\n    version: [\">=1.0.0\"]\n");
        var mirrored = Path.Combine(_dir, "mirror", "dbt-labs", "dbt_utils", "1.1.0");
        Directory.CreateDirectory(mirrored);
        File.WriteAllText(Path.Combine(mirrored, "dbt_project.yml"), "name: dbt_utils\nversion: \"1.1.0\"\nconfig-version: 2\n");

        var installed = await new PackageInstaller(new PackageInstallOptions { HubUrl = _url, MirrorDirectory = Path.Combine(_dir, "mirror") })
            .InstallAsync(project, TestContext.Current.CancellationToken);

        Assert.Equal("1.1.0", Assert.Single(installed).Version);
        Assert.Empty(_requests);
    }

    [Fact]
    public async Task Install_UnknownPackageOrNoMatchingVersion_SaysWhatTheHubHas()
    {
        var ct = TestContext.Current.CancellationToken;
        var unknown = await Assert.ThrowsAsync<ProjectException>(() =>
            new PackageInstaller(new PackageInstallOptions { HubUrl = _url, MirrorDirectory = null })
                .InstallAsync(Project("packages:\n  - package: dbt-labs/dbt_util\n    version: 1.0.0\n"), ct));
        var none = await Assert.ThrowsAsync<ProjectException>(() =>
            new PackageInstaller(new PackageInstallOptions { HubUrl = _url, MirrorDirectory = null })
                .InstallAsync(Project("packages:\n  - package: dbt-labs/dbt_utils\n    version: [\">=3.0.0\"]\n"), ct));

        Assert.Contains("'dbt-labs/dbt_util' is not on the package hub", Assert.Single(unknown.Diagnostics).Message, StringComparison.Ordinal);
        var message = Assert.Single(none.Diagnostics).Message;
        Assert.Contains(">=3.0.0", message, StringComparison.Ordinal);
        Assert.Contains("available: 0.9.6, 1.1.1, 1.3.0, 1.4.0-b1, 2.0.0", message, StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single(none.Diagnostics).Location.Line);
    }
}
