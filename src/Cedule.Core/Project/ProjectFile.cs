using Cedule.Core.Configs;
using Cedule.Core.Diagnostics;
using Cedule.Core.Yaml;
using Cedule.Jinja.Values;

namespace Cedule.Core.Project;

/// <summary>
/// The content of one <c>dbt_project.yml</c> (the root project's or a package's), with the
/// defaults dbt applies. Strings are rendered by the loader's renderer except where dbt defers
/// rendering: <c>vars</c>, <c>on-run-start</c>/<c>on-run-end</c>, <c>query-comment</c> and hooks
/// inside resource configs stay raw until the node runs.
/// </summary>
public sealed class ProjectFile
{
    /// <summary>The file name dbt looks for.</summary>
    public const string FileName = "dbt_project.yml";

    private ProjectFile(PyDict raw, string path)
    {
        Raw = raw;
        Path = path;
        Name = RequiredString(raw, "name", path);
        Version = raw.TryGetValue("version", out var version) && version is not null ? PyOps.ToStr(version) : null;
        Profile = raw.TryGetValue("profile", out var profile) && profile is string p ? p : null;
        ModelPaths = Paths(raw, "model-paths", "models", "source-paths");
        SeedPaths = Paths(raw, "seed-paths", "seeds", "data-paths");
        TestPaths = Paths(raw, "test-paths", "tests");
        AnalysisPaths = Paths(raw, "analysis-paths", "analyses");
        MacroPaths = Paths(raw, "macro-paths", "macros");
        SnapshotPaths = Paths(raw, "snapshot-paths", "snapshots");
        DocsPaths = raw.ContainsKey("docs-paths")
            ? Paths(raw, "docs-paths", "docs")
            : [.. ModelPaths, .. SeedPaths, .. TestPaths, .. AnalysisPaths, .. MacroPaths, .. SnapshotPaths];
        TargetPath = raw.TryGetValue("target-path", out var target) && target is string t ? t : "target";
        PackagesInstallPath = raw.TryGetValue("packages-install-path", out var install) && install is string i ? i : "dbt_packages";
        CleanTargets = raw.TryGetValue("clean-targets", out var clean) ? Strings(clean) : [TargetPath];
        Vars = raw.TryGetValue("vars", out var vars) && vars is PyDict v ? v : new PyDict();
        OnRunStart = raw.TryGetValue("on-run-start", out var start) ? Strings(start) : [];
        OnRunEnd = raw.TryGetValue("on-run-end", out var end) ? Strings(end) : [];
        Quoting = raw.TryGetValue("quoting", out var quoting) && quoting is PyDict q ? q : new PyDict();
        Dispatch = ReadDispatch(raw, path);
        Models = Tree(raw, "models");
        Seeds = Tree(raw, "seeds");
        Snapshots = Tree(raw, "snapshots");
        DataTests = raw.ContainsKey("data_tests") ? Tree(raw, "data_tests") : Tree(raw, "tests");
        Sources = Tree(raw, "sources");
        Analyses = Tree(raw, "analyses");
        Exposures = Tree(raw, "exposures");
    }

    /// <summary>The file's values after rendering, as read.</summary>
    public PyDict Raw { get; }

    /// <summary>Path of the file, relative to the root project.</summary>
    public string Path { get; }

    /// <summary>The project (package) name.</summary>
    public string Name { get; }

    /// <summary>The project's version, if given.</summary>
    public string? Version { get; }

    /// <summary>The profile to use from profiles.yml (root project only).</summary>
    public string? Profile { get; }

    /// <summary>Folders holding models.</summary>
    public IReadOnlyList<string> ModelPaths { get; }

    /// <summary>Folders holding seeds.</summary>
    public IReadOnlyList<string> SeedPaths { get; }

    /// <summary>Folders holding singular tests and generic test definitions.</summary>
    public IReadOnlyList<string> TestPaths { get; }

    /// <summary>Folders holding analyses.</summary>
    public IReadOnlyList<string> AnalysisPaths { get; }

    /// <summary>Folders holding macros.</summary>
    public IReadOnlyList<string> MacroPaths { get; }

    /// <summary>Folders holding snapshots.</summary>
    public IReadOnlyList<string> SnapshotPaths { get; }

    /// <summary>Folders searched for docs blocks (by default every resource folder).</summary>
    public IReadOnlyList<string> DocsPaths { get; }

    /// <summary>Where compiled output goes (<c>target</c>).</summary>
    public string TargetPath { get; }

    /// <summary>Where packages are installed (<c>dbt_packages</c>).</summary>
    public string PackagesInstallPath { get; }

    /// <summary>Folders <c>clean</c> removes.</summary>
    public IReadOnlyList<string> CleanTargets { get; }

    /// <summary>The <c>vars:</c> block, unrendered: global keys and per-package dicts.</summary>
    public PyDict Vars { get; }

    /// <summary>on-run-start hooks, unrendered.</summary>
    public IReadOnlyList<string> OnRunStart { get; }

    /// <summary>on-run-end hooks, unrendered.</summary>
    public IReadOnlyList<string> OnRunEnd { get; }

    /// <summary>The project-wide <c>quoting:</c> settings.</summary>
    public PyDict Quoting { get; }

    /// <summary>The <c>dispatch:</c> search orders, by macro namespace.</summary>
    public IReadOnlyList<DispatchSearch> Dispatch { get; }

    /// <summary>The <c>models:</c> config tree.</summary>
    public ProjectConfigTree Models { get; }

    /// <summary>The <c>seeds:</c> config tree.</summary>
    public ProjectConfigTree Seeds { get; }

    /// <summary>The <c>snapshots:</c> config tree.</summary>
    public ProjectConfigTree Snapshots { get; }

    /// <summary>The <c>data_tests:</c> (or legacy <c>tests:</c>) config tree.</summary>
    public ProjectConfigTree DataTests { get; }

    /// <summary>The <c>sources:</c> config tree.</summary>
    public ProjectConfigTree Sources { get; }

    /// <summary>The <c>analyses:</c> config tree.</summary>
    public ProjectConfigTree Analyses { get; }

    /// <summary>The <c>exposures:</c> config tree.</summary>
    public ProjectConfigTree Exposures { get; }

    /// <summary>
    /// Reads a project file. <paramref name="render"/> renders one string value found at a key
    /// path that dbt renders when it loads the project (env_var, CLI vars); it returns a native
    /// value (<c>"{{ var('x') }}"</c> may become <c>True</c>).
    /// </summary>
    /// <exception cref="ProjectException">The file is missing, not YAML, or lacks <c>name</c>.</exception>
    public static ProjectFile Read(string text, string path, Func<string, IReadOnlyList<string>, object?>? render = null)
    {
        var node = YamlReader.Read(text, path) as YamlMapping
            ?? throw new ProjectException(Diagnostic.Error(
                DiagnosticCodes.ProjectConfig, $"{FileName} must be a mapping with at least a 'name'", SourceLocation.InFile(path)));
        var values = YamlValues.ToDict(node);
        if (render is not null)
        {
            values = (PyDict)RenderTree(values, [], render)!;
        }

        return new ProjectFile(values, path);
    }

    /// <summary>dbt's rule for which key paths of dbt_project.yml are rendered at load time.</summary>
    public static bool ShouldRender(IReadOnlyList<string> keyPath)
    {
        if (keyPath.Count == 0)
        {
            return true;
        }

        var first = keyPath[0];
        if (first is "on-run-start" or "on-run-end" or "query-comment" or "vars")
        {
            return false;
        }

        if (first is "models" or "seeds" or "snapshots" or "tests" or "data_tests" or "sources" or "analyses")
        {
            foreach (var part in keyPath)
            {
                var name = part.TrimStart('+', ' ');
                if (name is "pre-hook" or "post-hook" or "pre_hook" or "post_hook")
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static object? RenderTree(object? value, List<string> keyPath, Func<string, IReadOnlyList<string>, object?> render)
    {
        if (!ShouldRender(keyPath))
        {
            return value;
        }

        switch (value)
        {
            case string s when s.Contains("{{", StringComparison.Ordinal) || s.Contains("{%", StringComparison.Ordinal):
                return render(s, keyPath);
            case PyDict dict:
                var result = new PyDict(dict.Count);
                foreach (var (k, v) in dict)
                {
                    keyPath.Add(PyOps.ToStr(k));
                    result[k] = RenderTree(v, keyPath, render);
                    keyPath.RemoveAt(keyPath.Count - 1);
                }

                return result;
            case List<object?> list:
                var items = new List<object?>(list.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    items.Add(RenderTree(list[i], keyPath, render));
                }

                return items;
            default:
                return value;
        }
    }

    private static string RequiredString(PyDict raw, string key, string path) =>
        raw.TryGetValue(key, out var value) && value is string s && s.Length > 0
            ? s
            : throw new ProjectException(Diagnostic.Error(
                DiagnosticCodes.ProjectConfig, $"{FileName} needs a '{key}'", SourceLocation.InFile(path)));

    private static List<string> Paths(PyDict raw, string key, string defaultPath, string? legacyKey = null)
    {
        if (raw.TryGetValue(key, out var value) || (legacyKey is not null && raw.TryGetValue(legacyKey, out value)))
        {
            return Strings(value).Select(p => p.Replace('\\', '/').TrimEnd('/')).ToList();
        }

        return [defaultPath];
    }

    private static List<string> Strings(object? value) => value switch
    {
        null => [],
        string s => [s],
        List<object?> list => list.Where(x => x is not null).Select(x => x is string s ? s : PyOps.ToStr(x)).ToList(),
        _ => [PyOps.ToStr(value)],
    };

    private static ProjectConfigTree Tree(PyDict raw, string key) =>
        raw.TryGetValue(key, out var value) && value is PyDict dict ? new ProjectConfigTree(dict) : ProjectConfigTree.Empty;

    private static List<DispatchSearch> ReadDispatch(PyDict raw, string path)
    {
        var result = new List<DispatchSearch>();
        if (!raw.TryGetValue("dispatch", out var value) || value is null)
        {
            return result;
        }

        if (value is not List<object?> entries)
        {
            throw new ProjectException(Diagnostic.Error(DiagnosticCodes.ProjectConfig,
                "'dispatch' must be a list of {macro_namespace, search_order}", SourceLocation.InFile(path)));
        }

        foreach (var entry in entries)
        {
            if (entry is PyDict d && d.TryGetValue("macro_namespace", out var ns) && ns is string nsName
                && d.TryGetValue("search_order", out var order) && order is List<object?> orderList)
            {
                result.Add(new DispatchSearch(nsName, orderList.Select(o => PyOps.ToStr(o)).ToList()));
            }
            else
            {
                throw new ProjectException(Diagnostic.Error(DiagnosticCodes.ProjectConfig,
                    "each 'dispatch' entry needs 'macro_namespace' and a 'search_order' list", SourceLocation.InFile(path)));
            }
        }

        return result;
    }
}

/// <summary>A <c>dispatch:</c> entry: where to look for the implementations of a macro namespace, in order.</summary>
/// <param name="MacroNamespace">The namespace that <c>adapter.dispatch(name, macro_namespace)</c> names.</param>
/// <param name="SearchOrder">Package names to search, in order.</param>
public sealed record DispatchSearch(string MacroNamespace, IReadOnlyList<string> SearchOrder);
