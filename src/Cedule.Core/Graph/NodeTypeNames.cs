using System.Diagnostics.CodeAnalysis;

namespace Cedule.Core.Graph;

/// <summary>
/// dbt's names for resource types (<c>model</c>, <c>unit_test</c>, …), used by the
/// <c>resource_type:</c> method, <c>--resource-type</c> and the first segment of unique ids.
/// </summary>
public static class NodeTypeNames
{
    private static readonly string[] Names =
    [
        "model", "seed", "snapshot", "test", "analysis", "operation", "source", "exposure", "metric",
        "semantic_model", "saved_query", "unit_test",
    ];

    /// <summary>
    /// Types dbt 1.9 knows but that never become graph members (macros, docs, …): selecting them is
    /// valid and matches nothing, as in dbt.
    /// </summary>
    internal static readonly IReadOnlySet<string> NonGraphNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "rpc", "sql_operation", "doc", "macro", "group", "fixture",
    };

    /// <summary>Every type, in declaration order.</summary>
    public static IReadOnlyList<NodeType> All { get; } = Enum.GetValues<NodeType>();

    /// <summary>dbt's lower-case name of a type.</summary>
    public static string ToName(this NodeType type) => Names[(int)type];

    /// <summary>Parses dbt's name of a type (exact, lower case as dbt writes it).</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out NodeType? type)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
            {
                type = (NodeType)i;
                return true;
            }
        }

        type = null;
        return false;
    }
}
