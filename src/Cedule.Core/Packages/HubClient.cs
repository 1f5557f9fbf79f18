using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Cedule.Core.Diagnostics;

namespace Cedule.Core.Packages;

/// <summary>
/// Resolves hub packages through the dbt package hub's JSON API, as <c>dbt deps</c> does:
/// <c>GET {hub}/api/v1/index.json</c> is the list of <c>"org/name"</c> packages;
/// <c>GET {hub}/api/v1/{org}/{name}.json</c> is <c>{"name", "namespace", "latest", "versions":
/// {"1.3.0": {"name", "version", "packages", "downloads": {"tarball": URL, "format": "tgz"}}}}</c>.
/// The newest release satisfying every range is installed (pre-releases only when no release
/// does); its tarball is a gzipped tar whose one top-level folder is the package.
/// </summary>
internal sealed class HubClient(HttpClient http, string hubUrl)
{
    private HashSet<string>? _index;

    /// <summary>Downloads the best version of <paramref name="hub"/> into a new folder under <paramref name="scratch"/>; returns the package folder and version.</summary>
    public async Task<(string Folder, string Version)> FetchAsync(HubPackageSpec hub, string scratch, CancellationToken cancellationToken)
    {
        var baseUrl = hubUrl.TrimEnd('/');
        _index ??= await ReadIndexAsync(hub, baseUrl, cancellationToken).ConfigureAwait(false);
        if (!_index.Contains(hub.Package))
        {
            throw NotFound(hub, $"package '{hub.Package}' is not on the package hub {baseUrl}");
        }

        using var package = await GetJsonAsync(hub, $"{baseUrl}/api/v1/{hub.Package}.json", cancellationToken).ConfigureAwait(false);
        var candidates = new List<(PackageVersion Version, string Tarball)>();
        if (package.RootElement.TryGetProperty("versions", out var versions) && versions.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in versions.EnumerateObject())
            {
                if (PackageVersion.TryParse(entry.Name) is { } version
                    && entry.Value.TryGetProperty("downloads", out var downloads)
                    && downloads.TryGetProperty("tarball", out var tarball) && tarball.GetString() is { } url)
                {
                    candidates.Add((version, url));
                }
            }
        }

        var matching = candidates.Where(c => c.Version.Satisfies(hub.VersionRanges)).OrderByDescending(c => c.Version).ToList();
        var best = matching.Find(c => c.Version.Prerelease.Length == 0);
        if (best.Tarball is null)
        {
            best = matching.FirstOrDefault();
        }

        if (best.Tarball is null)
        {
            throw NotFound(hub, $"no version of '{hub.Package}' on the package hub matches {string.Join(", ", hub.VersionRanges)} " +
                $"(available: {string.Join(", ", candidates.OrderBy(c => c.Version).Select(c => c.Version))})");
        }

        var target = Path.Combine(scratch, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(target);
        try
        {
            using var response = await http.GetAsync(new Uri(best.Tarball), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var gzip = new GZipStream(body, CompressionMode.Decompress);
                await using (gzip.ConfigureAwait(false))
                {
                    // ExtractToDirectoryAsync refuses entries that would land outside the folder.
                    await TarFile.ExtractToDirectoryAsync(gzip, target, overwriteFiles: false, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or InvalidDataException or IOException)
        {
            throw NotFound(hub, $"cannot download {hub.Package} {best.Version} from {best.Tarball}: {e.Message}");
        }

        var dirs = Directory.GetDirectories(target);
        var folder = File.Exists(Path.Combine(target, Project.ProjectFile.FileName)) || dirs.Length != 1 ? target : dirs[0];
        return (folder, best.Version.ToString());
    }

    private async Task<HashSet<string>> ReadIndexAsync(HubPackageSpec hub, string baseUrl, CancellationToken cancellationToken)
    {
        using var index = await GetJsonAsync(hub, $"{baseUrl}/api/v1/index.json", cancellationToken).ConfigureAwait(false);
        return index.RootElement.ValueKind == JsonValueKind.Array
            ? index.RootElement.EnumerateArray().Select(e => e.GetString()).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : throw NotFound(hub, $"{baseUrl}/api/v1/index.json is not a list of packages: is {baseUrl} a dbt package hub? (CEDULE_HUB_URL)");
    }

    private async Task<JsonDocument> GetJsonAsync(HubPackageSpec hub, string url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(url), cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is HttpRequestException or JsonException)
        {
            throw NotFound(hub, $"cannot read {url}: {e.Message} (without network access, use a package mirror: --packages-mirror or CEDULE_PACKAGES_MIRROR)");
        }
    }

    private static ProjectException NotFound(PackageSpec spec, string message) =>
        new(Diagnostic.Error(DiagnosticCodes.PackageNotFound, message, spec.Location));
}
