using Cedule.Core.Project;

namespace Cedule.Core.Parsing;

/// <summary>One package of a parse (the root project or an installed package) and where its files are.</summary>
/// <param name="Project">Its dbt_project.yml.</param>
/// <param name="Directory">Absolute folder of the package.</param>
/// <param name="RelativeRoot">Its folder relative to the root project ('' for the root), with forward slashes.</param>
internal sealed record PackageSource(ProjectFile Project, string Directory, string RelativeRoot)
{
    public string Name => Project.Name;

    /// <summary>Files under the given resource folders with the extension, as (absolute path, path relative to the package, path relative to the resource folder).</summary>
    public IEnumerable<(string Full, string Original, string InResource)> Files(IReadOnlyList<string> folders, string extension)
    {
        foreach (var folder in folders)
        {
            var dir = System.IO.Path.Combine(Directory, folder);
            if (!System.IO.Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in System.IO.Directory.EnumerateFiles(dir, "*" + extension, SearchOption.AllDirectories)
                         .Order(StringComparer.Ordinal))
            {
                var original = System.IO.Path.GetRelativePath(Directory, file).Replace('\\', '/');
                if (original.StartsWith(Project.PackagesInstallPath + "/", StringComparison.Ordinal)
                    || original.StartsWith(Project.TargetPath + "/", StringComparison.Ordinal))
                {
                    continue;
                }

                yield return (file, original, System.IO.Path.GetRelativePath(dir, file).Replace('\\', '/'));
            }
        }
    }

    /// <summary>The location of a file of this package as shown to users (relative to the root project).</summary>
    public string Display(string original) => RelativeRoot.Length == 0 ? original : RelativeRoot + "/" + original;
}
