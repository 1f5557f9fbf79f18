using System.Globalization;
using Cedule.Core.Diagnostics;
using Cedule.Core.Manifest;
using Cedule.Core.Yaml;
using Cedule.Jinja.Values;

namespace Cedule.Core.Parsing;

/// <summary>
/// Model versions (dbt 1.5+): a model's property entry lists <c>versions:</c>, each defined in
/// its own file (<c>defined_in</c>, by default <c>&lt;name&gt;_v&lt;v&gt;</c>; the latest
/// version may also live in <c>&lt;name&gt;.sql</c>). Each version becomes the node
/// <c>model.&lt;package&gt;.&lt;name&gt;.v&lt;v&gt;</c> named after the model, whose properties are
/// the model's with the version's own on top; its columns are the model's filtered by
/// <c>include</c>/<c>exclude</c>, then the version's.
/// </summary>
internal sealed partial class PropertyFiles
{
    private sealed record ModelVersion(Patch Patch, object V, string? DefinedIn, PyDict Body, SourceLocation Location)
    {
        public string Text => VersionText(V);

        public string DefaultFile => $"{Patch.Name}_v{Text}";

        public bool Found { get; set; }
    }

    private Dictionary<string, List<ModelVersion>>? _versionFiles;
    private readonly Dictionary<ManifestNode, ModelVersion> _versionOf = new(ReferenceEqualityComparer.Instance);

    /// <summary>A version as dbt prints it in unique ids and aliases: <c>2</c>, <c>1.5</c>, <c>beta</c>.</summary>
    internal static string VersionText(object? version) => version switch
    {
        null => string.Empty,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        _ => PyOps.ToStr(version),
    };

    /// <summary>Orders versions as dbt does: numerically when both are numbers, as text otherwise.</summary>
    internal static int CompareVersions(string left, string right) =>
        double.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var l)
        && double.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var r)
            ? l.CompareTo(r)
            : string.CompareOrdinal(left, right);

    private void ReadVersions(Patch patch, YamlMapping entry)
    {
        if (entry["versions"] is not { } versionsNode)
        {
            return;
        }

        if (versionsNode is not YamlSequence versions)
        {
            parser.Report(Diagnostic.Error(DiagnosticCodes.YamlShape, $"'versions' of model '{patch.Name}' must be a list of entries with a 'v'", versionsNode.Location));
            return;
        }

        foreach (var item in versions.Items)
        {
            if (item is not YamlMapping version || YamlValues.ToValue(version["v"]) is not { } v || v is PyDict or List<object?> or bool)
            {
                parser.Report(Diagnostic.Error(DiagnosticCodes.YamlShape, $"each version of model '{patch.Name}' needs a 'v' (a number or a string)", item.Location));
                continue;
            }

            var definedIn = YamlValues.ToValue(version["defined_in"]) is { } d ? PyOps.ToStr(d) : null;
            var modelVersion = new ModelVersion(patch, v, definedIn, YamlValues.ToDict(version), version.Location);
            if (patch.Versions.Exists(other => other.Text == modelVersion.Text))
            {
                parser.Report(Diagnostic.Error(DiagnosticCodes.YamlShape, $"model '{patch.Name}' lists version {modelVersion.Text} twice", version.Location));
                continue;
            }

            patch.Versions.Add(modelVersion);
        }

        if (patch.Versions.Count == 0)
        {
            return;
        }

        if (YamlValues.ToValue(entry["latest_version"]) is { } latest)
        {
            patch.LatestVersion = patch.Versions.Find(mv => mv.Text == VersionText(latest))?.V;
            if (patch.LatestVersion is null)
            {
                parser.Report(Diagnostic.Error(DiagnosticCodes.YamlShape,
                    $"latest_version {VersionText(latest)} of model '{patch.Name}' is not one of its versions ({string.Join(", ", patch.Versions.Select(mv => mv.Text))})",
                    entry["latest_version"]!.Location));
            }
        }

        // Without latest_version, the greatest version: numerically when all are numbers, else as text.
        patch.LatestVersion ??= patch.Versions.Select(mv => mv.V)
            .Aggregate((best, next) => CompareVersions(VersionText(next), VersionText(best)) > 0 ? next : best);
    }

    /// <summary>
    /// The model version that a model file defines, if any: a file named by a version's
    /// <c>defined_in</c> or <c>&lt;name&gt;_v&lt;v&gt;</c>, or <c>&lt;name&gt;</c> itself for the latest
    /// version when no file carries its suffixed name.
    /// </summary>
    public (string Name, object Version)? FindVersion(string package, string fileName, IReadOnlySet<string> packageFiles)
    {
        _versionFiles ??= BuildVersionFileIndex();
        if (!_versionFiles.TryGetValue(fileName, out var candidates))
        {
            return null;
        }

        var usable = candidates.Where(mv => mv.DefinedIn is not null || fileName != mv.Patch.Name || !packageFiles.Contains(mv.DefaultFile)).ToList();
        var chosen = usable.Find(mv => mv.Patch.Package == package)
            ?? usable.Find(mv => mv.Patch.Package == context.Root.Name)
            ?? usable.FirstOrDefault();
        return chosen is null ? null : (chosen.Patch.Name, chosen.V);
    }

    private Dictionary<string, List<ModelVersion>> BuildVersionFileIndex()
    {
        var index = new Dictionary<string, List<ModelVersion>>(StringComparer.Ordinal);
        void Add(string file, ModelVersion mv)
        {
            if (!index.TryGetValue(file, out var list))
            {
                index[file] = list = [];
            }

            list.Add(mv);
        }

        foreach (var patch in _patches.Where(p => p.Versions.Count > 0))
        {
            foreach (var mv in patch.Versions)
            {
                Add(mv.DefinedIn ?? mv.DefaultFile, mv);
                if (mv.DefinedIn is null && VersionText(mv.V) == VersionText(patch.LatestVersion))
                {
                    Add(patch.Name, mv); // the latest version may keep the model's unsuffixed file
                }
            }
        }

        return index;
    }

    /// <summary>The version entry of <paramref name="patch"/> that <paramref name="node"/> is, or null.</summary>
    private ModelVersion? VersionFor(Patch patch, ManifestNode node)
    {
        if (node.Version is null)
        {
            return null;
        }

        var text = VersionText(node.Version);
        var version = patch.Versions.Find(mv => mv.Text == text);
        if (version is not null)
        {
            version.Found = true;
            _versionOf[node] = version;
            node.LatestVersion = patch.LatestVersion;
        }

        return version;
    }

    /// <summary>A version's columns: the model's, filtered by <c>include</c>/<c>exclude</c>, then the version's own (which win by name).</summary>
    private static List<object?> VersionColumns(PyDict model, PyDict version)
    {
        var modelColumns = (model.TryGetValue("columns", out var c) && c is List<object?> list ? list : []).OfType<PyDict>().ToList();
        if (!version.TryGetValue("columns", out var vc) || vc is not List<object?> versionColumns)
        {
            return [.. modelColumns];
        }

        object? include = "all";
        List<object?> exclude = [];
        var own = new List<PyDict>();
        foreach (var column in versionColumns.OfType<PyDict>())
        {
            if (column.TryGetValue("include", out var inc) || column.ContainsKey("exclude"))
            {
                include = inc ?? "all";
                exclude = column.TryGetValue("exclude", out var exc) && exc is List<object?> e ? e : [];
            }
            else
            {
                own.Add(column);
            }
        }

        bool Included(string name) =>
            (include is "all" or "*" || (include is List<object?> names && names.Exists(n => PyOps.ToStr(n) == name)))
            && !exclude.Exists(n => PyOps.ToStr(n) == name);

        var ownNames = own.Select(col => PyOps.ToStr(col.TryGetValue("name", out var n) ? n : null)).ToHashSet(StringComparer.Ordinal);
        var result = new List<object?>();
        result.AddRange(modelColumns.Where(col => col.TryGetValue("name", out var n) && Included(PyOps.ToStr(n)) && !ownNames.Contains(PyOps.ToStr(n))));
        result.AddRange(own);
        return result;
    }

    /// <summary>The body that describes one version: the model's keys with the version's on top (config is merged later, key by key).</summary>
    private static PyDict VersionBody(PyDict model, PyDict version)
    {
        var body = new PyDict(model);
        foreach (var (key, value) in version)
        {
            if (key is "v" or "defined_in" or "config" or "columns")
            {
                continue;
            }

            body[key] = value;
        }

        // A version that lists its own tests replaces the model's; otherwise it inherits them.
        if (version.ContainsKey("data_tests") || version.ContainsKey("tests"))
        {
            body.Remove("data_tests", out _);
            body.Remove("tests", out _);
            foreach (var key in (string[])["data_tests", "tests"])
            {
                if (version.TryGetValue(key, out var tests))
                {
                    body[key] = tests;
                }
            }
        }

        body["columns"] = VersionColumns(model, version);
        return body;
    }

    /// <summary>Warns about versions whose file was not found.</summary>
    private void ReportMissingVersions()
    {
        foreach (var mv in _patches.SelectMany(p => p.Versions).Where(mv => !mv.Found))
        {
            parser.Report(Diagnostic.Warning(DiagnosticCodes.PatchTargetMissing,
                $"version {mv.Text} of model '{mv.Patch.Name}' has no file: expected {mv.DefinedIn ?? mv.DefaultFile}.sql in a model folder",
                mv.Location));
        }
    }
}
