namespace Cedule.Core.Graph;

/// <summary>
/// What the graph and node selection need to know about one resource of a project (model, seed,
/// snapshot, test, source, exposure, …). Deliberately small: the parser's resolved nodes carry
/// much more (SQL, columns, descriptions) and project themselves onto this shape; a property
/// belongs here only if a selection method or the DAG reads it. Anything else a later consumer
/// needs while holding only the graph goes in <see cref="Extra"/> until it earns a property.
/// Immutable: collections are copied when set.
/// </summary>
public sealed class GraphNode
{
    /// <summary>dbt's unique id: <c>model.my_pkg.stg_eleves</c>, <c>source.core.raw.eleves</c>, <c>test.core.unique_stg_eleves_id.1a2b3c</c>.</summary>
    public required string UniqueId { get; init; }

    /// <summary>The kind of resource.</summary>
    public required NodeType ResourceType { get; init; }

    /// <summary>The package (project) that defines the node.</summary>
    public required string PackageName { get; init; }

    /// <summary>The node's name (for a source, the table's name; for a versioned model, the model's name without version).</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The fully qualified name dbt builds: package, folders under the resource path, then the
    /// name; versioned models end with <c>v{version}</c>. Read by the <c>fqn</c> method.
    /// </summary>
    public IReadOnlyList<string> Fqn { get; init => field = [.. value]; } = [];

    /// <summary>The file defining the node, relative to its package root, forward slashes (<c>models/staging/stg_eleves.sql</c>; a source's YAML file).</summary>
    public string OriginalFilePath { get; init; } = string.Empty;

    /// <summary>The property file that patches the node (<c>models/staging/_staging.yml</c>), relative to its package root, or null. <c>path:</c> matches it too.</summary>
    public string? PatchPath { get; init; }

    /// <summary>The file relative to its resource path (<c>staging/stg_eleves.sql</c>).</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>Where the package lives inside the root project (<c>dbt_packages/core</c>), empty for the root project.</summary>
    public string PackageRootPath { get; init; } = string.Empty;

    /// <summary>The node's tags (config tags merged with property tags, as dbt resolves them).</summary>
    public IReadOnlyList<string> Tags { get; init => field = [.. value]; } = [];

    /// <summary>
    /// The resolved config (<c>materialized</c>, <c>enabled</c>, <c>severity</c>, <c>meta</c>, …) as
    /// plain values: string, bool, long, double, <c>List&lt;object?&gt;</c>, dictionaries. Read by
    /// <c>config.*</c>, <c>group</c> and <c>access</c>.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Config
    {
        get;
        init => field = new Dictionary<string, object?>(value, StringComparer.Ordinal);
    } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Unique ids of the upstream nodes (refs, sources, and for tests every node they reference), in declaration order.</summary>
    public IReadOnlyList<string> DependsOn { get; init => field = [.. value]; } = [];

    /// <summary>For a source table: the source's name (<c>raw</c> in <c>source.core.raw.eleves</c>).</summary>
    public string? SourceName { get; init; }

    /// <summary>For a versioned model: its version as written (<c>2</c>, <c>1.1</c>, <c>beta</c>); null otherwise.</summary>
    public string? Version { get; init; }

    /// <summary>For a versioned model: the model's <c>latest_version</c> (read by <c>version:latest|old|prerelease</c>).</summary>
    public string? LatestVersion { get; init; }

    /// <summary>For a data test: generic or singular; null for other nodes.</summary>
    public TestKind? TestKind { get; init; }

    /// <summary>For a generic test: the test macro's name without namespace (<c>unique</c>, <c>expression_is_true</c>).</summary>
    public string? TestName { get; init; }

    /// <summary>For a generic test: the test macro's namespace (<c>dbt_utils</c>), or null.</summary>
    public string? TestNamespace { get; init; }

    /// <summary>For a test: the model, seed, snapshot or source it is declared on, or null.</summary>
    public string? AttachedNode { get; init; }

    /// <summary>For a column-level test: the column's name.</summary>
    public string? ColumnName { get; init; }

    /// <summary>Room for facts later consumers need before they earn a property. Not read by selection.</summary>
    public IReadOnlyDictionary<string, object?> Extra
    {
        get;
        init => field = new Dictionary<string, object?>(value, StringComparer.Ordinal);
    } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>False when the config says <c>enabled: false</c>: such a node is not a graph member for selection, as in dbt.</summary>
    public bool IsEnabled => !(Config.TryGetValue("enabled", out var enabled) && enabled is false);

    /// <summary>True for a model with a version.</summary>
    public bool IsVersioned => Version is not null;

    /// <inheritdoc />
    public override string ToString() => UniqueId;
}
