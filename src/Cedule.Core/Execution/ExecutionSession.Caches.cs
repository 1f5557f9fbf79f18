using System.Collections.Concurrent;
using Cedule.Core.Manifest;
using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Execution;

/// <summary>
/// What a session computes once and reuses for every execution: a node's code is parsed once (a
/// template is immutable and renders from many threads at once), a materialization is looked up
/// once per name. Both depend only on the parse, which a session never changes.
/// </summary>
public sealed partial class ExecutionSession
{
    private readonly ConcurrentDictionary<string, Template> _nodeTemplates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IJinjaCallable?> _materializations = new(StringComparer.Ordinal);

    /// <summary>The node's raw code, parsed on first use. A syntax error is not cached: it throws again each time.</summary>
    private Template NodeTemplate(ManifestNode node) =>
        _nodeTemplates.GetOrAdd(node.UniqueId, static (_, state) => state.Session.Environment.FromString(state.Node.RawCode, state.Node.OriginalFilePath), (Session: this, Node: node));

    private IJinjaCallable? CachedMaterialization(string name) => _materializations.GetOrAdd(name, FindMaterialization);
}
