using System.Diagnostics.CodeAnalysis;
using Cedule.Core.Selection.Methods;

namespace Cedule.Core.Selection;

/// <summary>
/// The selection methods by name, as dbt-core's <c>MethodManager.SELECTOR_METHODS</c>.
/// <see cref="Default"/> holds every dbt 1.9 method; <c>state</c>, <c>result</c> and
/// <c>source_status</c> are registered so that they fail with a clear "not supported yet" instead
/// of "unknown method".
/// </summary>
public sealed class SelectorMethodRegistry
{
    private readonly Dictionary<string, ISelectorMethod> _methods = new(StringComparer.Ordinal);
    private bool _frozen;

    /// <summary>A shared, read-only registry with dbt 1.9's methods.</summary>
    public static SelectorMethodRegistry Default { get; } = Freeze(CreateDefault());

    /// <summary>The registered names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _methods.Keys.Order(StringComparer.Ordinal)];

    /// <summary>A registry with dbt 1.9's methods, to which more can be added.</summary>
    public static SelectorMethodRegistry CreateDefault()
    {
        var registry = new SelectorMethodRegistry();
        ISelectorMethod[] methods =
        [
            new FqnMethod(), new TagMethod(), new GroupMethod(), new AccessMethod(), new SourceMethod(),
            new PathMethod(), new FileMethod(), new PackageMethod(), new ConfigMethod(), new TestNameMethod(),
            new TestTypeMethod(), new ResourceTypeMethod(), new VersionMethod(),
            new PackagedNameMethod("exposure", Graph.NodeType.Exposure, "exposure"),
            new PackagedNameMethod("metric", Graph.NodeType.Metric, "metric"),
            new PackagedNameMethod("semantic_model", Graph.NodeType.SemanticModel, "semantic model"),
            new PackagedNameMethod("saved_query", Graph.NodeType.SavedQuery, "saved query"),
            new PackagedNameMethod("unit_test", Graph.NodeType.UnitTest, "unit test"),
            new UnsupportedMethod("state", "state comparison needs a previous manifest (--state)"),
            new UnsupportedMethod("result", "result selection needs a previous run's results (--state)"),
            new UnsupportedMethod("source_status", "source freshness comparison needs a previous sources.json (--state)"),
        ];
        foreach (var method in methods)
        {
            registry.Register(method);
        }

        return registry;
    }

    /// <summary>Adds or replaces a method; <see cref="Default"/> is shared and refuses changes.</summary>
    public void Register(ISelectorMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (_frozen)
        {
            throw new InvalidOperationException("The default registry is shared; register methods on one from CreateDefault().");
        }

        _methods[method.Name] = method;
    }

    private static SelectorMethodRegistry Freeze(SelectorMethodRegistry registry)
    {
        registry._frozen = true;
        return registry;
    }

    /// <summary>Finds a method by name.</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out ISelectorMethod? method) => _methods.TryGetValue(name, out method);
}
