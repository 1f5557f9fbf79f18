using Cedule.Core.Diagnostics;
using Cedule.Core.Yaml;
using Cedule.Jinja.Values;

namespace Cedule.Core.Packages;

/// <summary>
/// Reads <c>packages.yml</c> or <c>dependencies.yml</c> (dbt reads one of them; both at once
/// is an error, as in dbt). String values may use <c>env_var()</c>, rendered by the caller's
/// renderer, so that a git revision can come from the environment.
/// </summary>
public static class PackagesFile
{
    /// <summary>The file names dbt reads, in order of preference.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["packages.yml", "dependencies.yml"];

    /// <summary>Reads the package list of the project in <paramref name="projectDir"/>; empty when it declares none.</summary>
    public static IReadOnlyList<PackageSpec> ReadFrom(string projectDir, Func<string, object?>? render = null)
    {
        var present = FileNames.Where(f => File.Exists(System.IO.Path.Combine(projectDir, f))).ToList();
        if (present.Count == 0)
        {
            return [];
        }

        var packagesFile = present[0];
        var text = File.ReadAllText(System.IO.Path.Combine(projectDir, packagesFile));
        var specs = Read(text, packagesFile, render);
        if (present.Count > 1)
        {
            var other = Read(File.ReadAllText(System.IO.Path.Combine(projectDir, present[1])), present[1], render);
            if (specs.Count > 0 && other.Count > 0)
            {
                throw new ProjectException(Diagnostic.Error(DiagnosticCodes.PackagesConfig,
                    "packages are declared in both packages.yml and dependencies.yml; keep one of them", SourceLocation.InFile(present[1])));
            }

            if (specs.Count == 0)
            {
                specs = other;
            }
        }

        return specs;
    }

    /// <summary>Parses the YAML text of a packages file.</summary>
    public static IReadOnlyList<PackageSpec> Read(string text, string path, Func<string, object?>? render = null)
    {
        var root = YamlReader.Read(text, path);
        if (root is null)
        {
            return [];
        }

        if (root is not YamlMapping mapping || mapping["packages"] is not { } packagesNode)
        {
            return root is YamlMapping ? [] : throw Shape(path, root.Location, "a packages file must be a mapping with a 'packages' list");
        }

        if (packagesNode is YamlScalar { Text: "" })
        {
            return [];
        }

        if (packagesNode is not YamlSequence sequence)
        {
            throw Shape(path, packagesNode.Location, "'packages' must be a list");
        }

        var specs = new List<PackageSpec>();
        foreach (var item in sequence.Items)
        {
            if (item is not YamlMapping entry)
            {
                throw Shape(path, item.Location, "each package must be a mapping with 'local', 'git' or 'package'");
            }

            specs.Add(ReadEntry(entry, path, render));
        }

        return specs;
    }

    private static PackageSpec ReadEntry(YamlMapping entry, string path, Func<string, object?>? render)
    {
        string? Get(string key)
        {
            if (entry[key] is not { } node)
            {
                return null;
            }

            var value = YamlValues.ToValue(node);
            if (value is string s && render is not null && (s.Contains("{{", StringComparison.Ordinal) || s.Contains("{%", StringComparison.Ordinal)))
            {
                value = render(s);
            }

            return value is null ? null : PyOps.ToStr(value);
        }

        if (Get("local") is { } local)
        {
            return new LocalPackageSpec(local) { Location = entry.Location };
        }

        if (Get("git") is { } git)
        {
            return new GitPackageSpec(git, Get("revision"), Get("subdirectory")) { Location = entry.Location };
        }

        if (Get("package") is { } package)
        {
            if (!package.Contains('/', StringComparison.Ordinal))
            {
                throw Shape(path, entry.Location, $"hub package '{package}' must be written 'org/name', e.g. 'dbt-labs/dbt_utils'");
            }

            var ranges = entry["version"] switch
            {
                YamlSequence versions => versions.Items.Select(v => PyOps.ToStr(YamlValues.ToValue(v))).ToList(),
                YamlScalar scalar => [Get("version")!],
                null => throw Shape(path, entry.Location, $"hub package '{package}' needs a 'version'"),
                _ => throw Shape(path, entry.Location, $"the 'version' of '{package}' must be a string or a list of ranges"),
            };
            return new HubPackageSpec(package, ranges) { Location = entry.Location };
        }

        if (entry["tarball"] is not null)
        {
            throw Shape(path, entry.Location, "tarball packages are not supported yet; use a git, local or hub package");
        }

        throw Shape(path, entry.Location, "a package needs one of 'local', 'git' or 'package'");
    }

    private static ProjectException Shape(string path, SourceLocation at, string message) =>
        new(Diagnostic.Error(DiagnosticCodes.PackagesConfig, message, at with { Path = path }));
}
