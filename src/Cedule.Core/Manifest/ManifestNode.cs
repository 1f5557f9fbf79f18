using Cedule.Jinja.Values;

namespace Cedule.Core.Manifest;

/// <summary>
/// One node of a parsed project (model, seed, snapshot, test, analysis, source, exposure), as
/// dbt's manifest describes it. Built by the parsers, then frozen by the loader; the fields keep
/// dbt's names so that <c>target/manifest.json</c> reads like dbt's.
/// </summary>
public sealed class ManifestNode
{
    /// <summary>dbt's unique id: <c>model.&lt;package&gt;.&lt;name&gt;</c>, <c>test.&lt;package&gt;.&lt;name&gt;.&lt;hash&gt;</c>…</summary>
    public required string UniqueId { get; init; }

    /// <summary><c>model</c>, <c>seed</c>, <c>snapshot</c>, <c>test</c>, <c>analysis</c>, <c>source</c>, <c>exposure</c>.</summary>
    public required string ResourceType { get; init; }

    /// <summary>The package (project) that defines the node.</summary>
    public required string PackageName { get; init; }

    /// <summary>The node's name (file name without extension for file-based nodes).</summary>
    public required string Name { get; init; }

    /// <summary>Path relative to the resource folder (<c>staging/stg_eleves.sql</c>).</summary>
    public required string Path { get; init; }

    /// <summary>Path relative to the package root (<c>models/staging/stg_eleves.sql</c>).</summary>
    public required string OriginalFilePath { get; init; }

    /// <summary>Fully qualified name: package, folders, name.</summary>
    public required IReadOnlyList<string> Fqn { get; init; }

    /// <summary>The template text, as written.</summary>
    public string RawCode { get; set; } = string.Empty;

    /// <summary>Resolved config (dbt's names: materialized, enabled, schema, tags, pre_hook…).</summary>
    public PyDict Config { get; set; } = new();

    /// <summary>Description from property files (docs blocks resolved).</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>Documented columns, by name, in written order.</summary>
    public PyDict Columns { get; } = new();

    /// <summary>ref() calls found while parsing: package (or null), name, version (or null).</summary>
    public List<RefCall> Refs { get; } = [];

    /// <summary>source() calls found while parsing: source name, table name.</summary>
    public List<(string Source, string Table)> Sources { get; } = [];

    /// <summary>Unique ids of the nodes this node depends on (resolved from refs and sources).</summary>
    public List<string> DependsOnNodes { get; } = [];

    /// <summary>Unique ids of the macros the node's template calls.</summary>
    public List<string> DependsOnMacros { get; } = [];

    /// <summary>Database the node is built in, after generate_database_name.</summary>
    public string? Database { get; set; }

    /// <summary>Schema the node is built in, after generate_schema_name.</summary>
    public string? Schema { get; set; }

    /// <summary>Relation name, after generate_alias_name.</summary>
    public string? Alias { get; set; }

    /// <summary>The property file that patched this node, if any.</summary>
    public string? PatchPath { get; set; }

    /// <summary>For generic tests: the test's name, namespace and arguments.</summary>
    public TestMetadata? TestMetadata { get; set; }

    /// <summary>For tests: the node the test is attached to.</summary>
    public string? AttachedNode { get; set; }

    /// <summary>For column tests: the column.</summary>
    public string? ColumnName { get; set; }

    /// <summary>For sources: the source's name (the first argument of source()).</summary>
    public string? SourceName { get; set; }

    /// <summary>For sources: the table's identifier in the database (defaults to its name).</summary>
    public string? Identifier { get; set; }

    /// <summary>For versioned models: the version.</summary>
    public object? Version { get; set; }

    /// <summary>For versioned models: the model's latest version (what an unpinned ref() resolves to).</summary>
    public object? LatestVersion { get; set; }

    /// <summary>
    /// Fields of resources defined wholly in property files (a unit test's <c>model</c>,
    /// <c>given</c>, <c>expect</c>; a metric's <c>type</c>, <c>type_params</c>…), as written, under
    /// dbt's manifest names.
    /// </summary>
    public PyDict Properties { get; } = new();

    /// <summary>Tags from config, for convenience (the config's <c>tags</c> list).</summary>
    public IReadOnlyList<string> Tags =>
        Config.TryGetValue("tags", out var tags) && tags is List<object?> list
            ? list.Select(t => PyOps.ToStr(t)).ToList()
            : [];

    /// <summary>True unless the config says <c>enabled: false</c>.</summary>
    public bool IsEnabled => !Config.TryGetValue("enabled", out var enabled) || enabled is not false;

    /// <summary>The materialization (<c>view</c> by default for models).</summary>
    public string? Materialized => Config.TryGetValue("materialized", out var m) ? m as string : null;
}

/// <summary>A ref() call: <c>ref('x')</c>, <c>ref('pkg', 'x')</c>, <c>ref('x', v=2)</c>.</summary>
/// <param name="Package">The package named, or null.</param>
/// <param name="Name">The node named.</param>
/// <param name="Version">The version asked for, or null.</param>
public sealed record RefCall(string? Package, string Name, object? Version);

/// <summary>What a generic test node was generated from.</summary>
/// <param name="Name">The test's name (<c>unique</c>, <c>accepted_values</c>, <c>expression_is_true</c>).</param>
/// <param name="Namespace">The package named in the test (<c>dbt_utils</c>), or null.</param>
/// <param name="Kwargs">The test's arguments, including <c>column_name</c> and <c>model</c>.</param>
public sealed record TestMetadata(string Name, string? Namespace, PyDict Kwargs);
