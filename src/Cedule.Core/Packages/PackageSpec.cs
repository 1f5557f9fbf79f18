namespace Cedule.Core.Packages;

/// <summary>One entry of <c>packages.yml</c> / <c>dependencies.yml</c>.</summary>
public abstract record PackageSpec
{
    /// <summary>Where the entry is written, for messages.</summary>
    public required SourceLocation Location { get; init; }
}

/// <summary><c>- local: ../core</c>: a folder, relative to the project that declares it.</summary>
/// <param name="Path">The folder as written.</param>
public sealed record LocalPackageSpec(string Path) : PackageSpec;

/// <summary><c>- git: URL</c> with an optional revision (tag, branch, commit) and subdirectory.</summary>
/// <param name="Url">The repository URL as written (https, ssh, or a local path).</param>
/// <param name="Revision">Tag, branch or commit; null means the default branch (unpinned).</param>
/// <param name="Subdirectory">The package's folder inside the repository, if not the root.</param>
public sealed record GitPackageSpec(string Url, string? Revision, string? Subdirectory) : PackageSpec;

/// <summary><c>- package: org/name</c> with version constraints, from the dbt hub or a package mirror.</summary>
/// <param name="Package">"org/name", e.g. <c>dbt-labs/dbt_utils</c>.</param>
/// <param name="VersionRanges">Constraints such as <c>&gt;=1.0.0</c>, <c>&lt;2.0.0</c>, or an exact <c>1.3.0</c>.</param>
public sealed record HubPackageSpec(string Package, IReadOnlyList<string> VersionRanges) : PackageSpec;
