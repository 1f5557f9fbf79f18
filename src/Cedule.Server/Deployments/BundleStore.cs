using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cedule.Server.Git;
using Cedule.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Cedule.Server.Deployments;

/// <summary>
/// Reads the files of a commit from git tree objects (never a checkout, so no hook, filter or
/// attribute of the repository runs) into a content-addressed folder
/// <c>{data}/bundles/{sha-256}</c>. A symlink, a submodule or a path that is not plainly relative
/// rejects the commit. The bundle hash is SHA-256 over the sorted lines
/// <c>path NUL sha-256(content) LF</c>, so equal files give the same bundle whatever the commit.
/// </summary>
internal sealed class BundleStore(GitRunner git, IOptions<CeduleServerOptions> options)
{
    private readonly CeduleServerOptions settings = options.Value;

    /// <summary>The folder of a bundle.</summary>
    public string PathOf(string bundleHash) => Path.Combine(settings.DataPath, "bundles", bundleHash);

    /// <summary>Writes the bundle of <paramref name="commit"/> and returns its hash, or the problems that refuse it.</summary>
    public async Task<(string? Hash, IReadOnlyList<BundleProblem> Problems)> WriteAsync(string repository, string commit, CancellationToken cancellationToken = default)
    {
        var listing = await git.RunAsync(repository, ["ls-tree", "-r", "-z", "--full-tree", "--end-of-options", commit], cancellationToken).ConfigureAwait(false);
        var blobs = new List<(string Path, string Object)>();
        var problems = new List<BundleProblem>();
        foreach (var entry in listing.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> <type> <object>\t<path>"
            var tab = entry.IndexOf('\t', StringComparison.Ordinal);
            var fields = entry[..tab].Split(' ');
            var path = entry[(tab + 1)..];
            switch (fields[0])
            {
                case "120000":
                    problems.Add(new(DeploymentCodes.SymlinkRefused, $"{path} is a symbolic link: deployments refuse links (they could point outside the project); commit the file itself", path));
                    break;
                case "160000":
                    problems.Add(new(DeploymentCodes.SubmoduleRefused, $"{path} is a git submodule: declare the package in packages.yml instead", path));
                    break;
                default:
                    if (!IsPlainRelative(path))
                    {
                        problems.Add(new(DeploymentCodes.UnsafePath, $"{path} is not a plain relative path", path));
                    }
                    else
                    {
                        blobs.Add((path, fields[2]));
                    }

                    break;
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        blobs.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var staging = Path.Combine(settings.DataPath, "bundles", ".staging-" + Guid.NewGuid().ToString("N"));
        try
        {
            var manifest = await WriteFilesAsync(repository, blobs, staging, problems, cancellationToken).ConfigureAwait(false);
            if (manifest is null)
            {
                return (null, problems);
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest)));
            var target = PathOf(hash);
            if (Directory.Exists(target))
            {
                return (hash, []);
            }

            try
            {
                Directory.Move(staging, target);
            }
            catch (IOException) when (Directory.Exists(target))
            {
                // Another sync wrote the same bundle meanwhile: same hash, same files.
            }

            return (hash, []);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private async Task<string?> WriteFilesAsync(
        string repository, List<(string Path, string Object)> blobs, string staging, List<BundleProblem> problems, CancellationToken cancellationToken)
    {
        var lines = new StringBuilder();
        long total = 0;
        using var batch = git.Start(repository, ["cat-file", "--batch"], redirectInput: true);
        var input = batch.StandardInput.BaseStream;
        var output = batch.StandardOutput.BaseStream;
        try
        {
            foreach (var (path, oid) in blobs)
            {
                await input.WriteAsync(Encoding.ASCII.GetBytes(oid + "\n"), cancellationToken).ConfigureAwait(false);
                await input.FlushAsync(cancellationToken).ConfigureAwait(false);
                var header = await ReadLineAsync(output, cancellationToken).ConfigureAwait(false); // "<oid> blob <size>"
                var size = long.Parse(header.Split(' ')[2], CultureInfo.InvariantCulture);
                total += size;
                if (total > settings.Git.MaxBundleBytes)
                {
                    problems.Add(new(DeploymentCodes.BundleTooLarge,
                        $"the project files exceed {settings.Git.MaxBundleBytes / (1024 * 1024)} MiB (Cedule:Git:MaxBundleBytes); keep data files out of the repository", path));
                    return null;
                }

                var file = Path.Combine(staging, path.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var stream = File.Create(file);
                await using (stream.ConfigureAwait(false))
                {
                    await CopyExactlyAsync(output, stream, sha, size, cancellationToken).ConfigureAwait(false);
                }

                _ = await ReadLineAsync(output, cancellationToken).ConfigureAwait(false); // the LF after the content
                lines.Append(path).Append('\0').Append(Convert.ToHexStringLower(sha.GetHashAndReset())).Append('\n');
            }
        }
        finally
        {
            batch.StandardInput.Close();
            await batch.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }

        return lines.ToString();
    }

    private static bool IsPlainRelative(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.Contains('\\', StringComparison.Ordinal)
        && path.Split('/').All(s => s.Length > 0 && s != "." && s != ".." && !string.Equals(s, ".git", StringComparison.OrdinalIgnoreCase));

    private static async Task<string> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            var read = await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new GitException("git cat-file ended early");
            }

            if (one[0] == (byte)'\n')
            {
                return Encoding.UTF8.GetString([.. bytes]);
            }

            bytes.Add(one[0]);
        }
    }

    private static async Task CopyExactlyAsync(Stream from, Stream to, IncrementalHash sha, long size, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        while (size > 0)
        {
            var read = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, size)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new GitException("git cat-file ended early");
            }

            sha.AppendData(buffer, 0, read);
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            size -= read;
        }

        Debug.Assert(size == 0, "copied exactly the blob's size");
    }
}
