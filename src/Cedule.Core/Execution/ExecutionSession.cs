using Cedule.Core.Context;
using Cedule.Core.Execution.Adapters;
using Cedule.Core.Execution.Runtime;
using Cedule.Core.Manifest;
using Cedule.Core.Parsing;
using Cedule.Core.Project;
using Cedule.Jinja.Values;

namespace Cedule.Core.Execution;

/// <summary>
/// A parsed project ready to run against one target: the engine's entry point. The agent keeps one
/// per deployment and calls <see cref="Execute"/> for each node it is leased; <c>cedule build</c>
/// does the same for every selected node. Thread-safe: each thread brings its own connection
/// (<see cref="OpenConnection"/>); what threads share (the relation cache, the graph) is locked or
/// immutable.
/// </summary>
public sealed partial class ExecutionSession
{
    /// <summary>What an ephemeral model's CTE is called: <c>__dbt__cte__&lt;name&gt;</c>, as in dbt.</summary>
    public const string CtePrefix = "__dbt__cte__";

    private readonly ResolvedProfile _profile;
    private readonly IAdapterDriver? _driver;
    private readonly Dictionary<string, ManifestNode> _nodes;
    private readonly Dictionary<string, List<ManifestNode>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Source, string Table), ManifestNode> _sources = [];
    private readonly Lazy<PyDict> _graph;

    /// <summary>Creates a session.</summary>
    /// <param name="project">A valid parse of the project (with the same target facts as <paramref name="profile"/>).</param>
    /// <param name="profile">The resolved profile: connection settings and secrets.</param>
    /// <param name="driver">The driver for the profile's type, or null to compile without a database.</param>
    /// <param name="options">The run's context.</param>
    /// <param name="time">The clock (tests pass a fake one).</param>
    public ExecutionSession(ParseResult project, ResolvedProfile profile, IAdapterDriver? driver, RunOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(profile);
        Project = project.Context ?? throw new ArgumentException("the parse result carries no project context", nameof(project));
        Environment = project.Environment ?? throw new ArgumentException("the parse result carries no template environment", nameof(project));
        Parse = project;
        _profile = profile;
        _driver = driver;
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Time = time ?? TimeProvider.System;
        _nodes = project.EnabledNodes.ToDictionary(n => n.UniqueId, StringComparer.Ordinal);
        foreach (var node in _nodes.Values)
        {
            if (node.ResourceType is "model" or "seed" or "snapshot")
            {
                if (!_byName.TryGetValue(node.Name, out var list))
                {
                    _byName[node.Name] = list = [];
                }

                list.Add(node);
            }
            else if (node.ResourceType == "source" && node.SourceName is not null)
            {
                _sources[(node.SourceName, node.Name)] = node;
            }
        }

        Flags = new PyDict
        {
            ["FULL_REFRESH"] = options.FullRefresh,
            ["WHICH"] = options.Which,
            ["STORE_FAILURES"] = false,
            ["WARN_ERROR"] = false,
            ["INVOCATION_COMMAND"] = "cedule " + options.Which,
        };
        _graph = new Lazy<PyDict>(BuildGraph);
    }

    /// <summary>The parse this session runs.</summary>
    public ParseResult Parse { get; }

    /// <summary>The run's context.</summary>
    public RunOptions Options { get; }

    /// <summary>The target's non-secret facts.</summary>
    public TargetFacts Target => Project.Target;

    internal ProjectContext Project { get; }

    internal Jinja.Environment Environment { get; }

    internal TimeProvider Time { get; }

    internal RelationCache Relations { get; } = new();

    internal PyDict Flags { get; }

    internal PyDict Graph => _graph.Value;

    internal IReadOnlyList<string> IncrementalStrategies => Target.Type switch
    {
        "postgres" or "duckdb" => ["append", "delete+insert", "merge"],
        _ => ["append", "delete+insert"],
    };

    private readonly HashSet<string> _schemasCreated = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _schemaLock = new();

    /// <summary>
    /// Runs <paramref name="create"/> once per schema and session: every node creates its schema if
    /// missing, and concurrent creations of one schema conflict in some databases (DuckDB).
    /// </summary>
    internal void EnsureSchema(string? database, string schema, Action create)
    {
        var key = (database ?? string.Empty) + "\u0001" + schema;
        lock (_schemaLock)
        {
            if (_schemasCreated.Contains(key))
            {
                return;
            }

            create();
            _schemasCreated.Add(key);
        }
    }

    internal void ForgetSchema(string? database, string schema)
    {
        lock (_schemaLock)
        {
            _schemasCreated.Remove((database ?? string.Empty) + "\u0001" + schema);
        }
    }

    /// <summary>What tells this target's database apart from another of the same type in this process (a DuckDB file's path).</summary>
    internal string DatabaseIdentity =>
        (_profile.Settings.TryGetValue("path", out var path) && path is not null ? PyOps.ToStr(path) : string.Empty) + "\u0001" + Target.Database;

    /// <summary>An enabled node by unique id.</summary>
    public bool TryGetNode(string uniqueId, out ManifestNode node) => _nodes.TryGetValue(uniqueId, out node!);

    /// <summary>Opens a connection to the target (one per thread).</summary>
    /// <exception cref="DatabaseException">No driver was given, or the database cannot be reached.</exception>
    public IDatabaseConnection OpenConnection(CancellationToken cancellationToken = default) =>
        (_driver ?? throw new DatabaseException($"no driver for '{Target.Type}' in this session: it can only compile")).Open(_profile, cancellationToken);

    /// <summary>Replaces every secret of the profile in <paramref name="text"/> with <c>*****</c>.</summary>
    public string Mask(string text) => ProfileSettings.Mask(text, _profile.SecretValues);

    internal string QuoteIdentifier(string identifier) =>
        Relation.QuoteIdentifier(identifier, Project.Quote);

    internal Relation RelationOf(ManifestNode node) => node.ResourceType == "source"
        ? new Relation(node.Database ?? Target.Database, node.Schema ?? Target.Schema, node.Identifier ?? node.Name, Project.Quote)
        : new Relation(node.Database ?? Target.Database, node.Schema ?? Target.Schema, node.Alias ?? node.Name, Project.Quote,
            node.Materialized == "view" ? "view" : "table");

    /// <summary>
    /// dbt's ref resolution: a named package, else the root project, then the caller's package, then
    /// any package; disabled nodes are not candidates; without a version, the latest one.
    /// </summary>
    internal ManifestNode? ResolveRef(ManifestNode caller, string? package, string name, object? version)
    {
        if (!_byName.TryGetValue(name, out var candidates))
        {
            return null;
        }

        IEnumerable<ManifestNode> matching = version is null or Undefined
            ? candidates
            : candidates.Where(c => c.Version is not null && PyOps.ToStr(c.Version) == PyOps.ToStr(version));
        var list = matching.ToList();
        if (package is not null)
        {
            return list.Find(c => c.PackageName == package);
        }

        return list.Find(c => c.PackageName == Parse.Root.Name)
            ?? list.Find(c => c.PackageName == caller.PackageName)
            ?? list.OrderBy(c => c.PackageName, StringComparer.Ordinal).FirstOrDefault();
    }

    internal ManifestNode? ResolveSource(string source, string table) => _sources.GetValueOrDefault((source, table));

    /// <summary>dbt: a node's <c>full_refresh</c> config, when set, wins over the <c>--full-refresh</c> flag.</summary>
    internal bool ShouldFullRefresh(ManifestNode node) =>
        node.Config.TryGetValue("full_refresh", out var configured) && configured is bool b ? b : Options.FullRefresh;
}
