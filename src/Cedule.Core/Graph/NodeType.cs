namespace Cedule.Core.Graph;

/// <summary>
/// The kind of a graph node, as dbt's <c>resource_type</c>. <see cref="NodeTypeNames"/> maps each to
/// the lower-case name dbt writes in manifests and accepts in <c>resource_type:</c> and
/// <c>--resource-type</c>.
/// </summary>
public enum NodeType
{
    /// <summary>A model (<c>model</c>).</summary>
    Model,

    /// <summary>A seed (<c>seed</c>).</summary>
    Seed,

    /// <summary>A snapshot (<c>snapshot</c>).</summary>
    Snapshot,

    /// <summary>A data test, generic or singular (<c>test</c>).</summary>
    Test,

    /// <summary>An analysis (<c>analysis</c>).</summary>
    Analysis,

    /// <summary>A hook or run-operation (<c>operation</c>).</summary>
    Operation,

    /// <summary>A source table (<c>source</c>).</summary>
    Source,

    /// <summary>An exposure (<c>exposure</c>).</summary>
    Exposure,

    /// <summary>A metric (<c>metric</c>).</summary>
    Metric,

    /// <summary>A semantic model (<c>semantic_model</c>).</summary>
    SemanticModel,

    /// <summary>A saved query (<c>saved_query</c>).</summary>
    SavedQuery,

    /// <summary>A unit test (<c>unit_test</c>).</summary>
    UnitTest,
}
