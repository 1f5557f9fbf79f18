using System.Diagnostics.CodeAnalysis;
using Cedule.Core.Graph;

namespace Cedule.Core.Selection.Methods;

/// <summary>
/// <c>test_type:</c> <c>generic</c> (or its old name <c>schema</c>), <c>singular</c>, <c>data</c>
/// (generic and singular data tests) or <c>unit</c>. dbt 1.9 compares with Python's substring
/// <c>in</c> by accident (<c>test_type:at</c> means data); Cedule wants the exact word.
/// </summary>
internal sealed class TestTypeMethod : ISelectorMethod
{
    public string Name => "test_type";

    public bool TryCreateMatcher(SelectorMethodInput input, [NotNullWhen(true)] out Func<GraphNode, bool>? matcher, [NotNullWhen(false)] out string? error)
    {
        matcher = input.Text switch
        {
            "generic" or "schema" => static node => node.ResourceType == NodeType.Test && node.TestKind == TestKind.Generic,
            "singular" => static node => node.ResourceType == NodeType.Test && node.TestKind == TestKind.Singular,
            "data" => static node => node.ResourceType == NodeType.Test,
            "unit" => static node => node.ResourceType == NodeType.UnitTest,
            _ => null,
        };
        error = matcher is null
            ? $"invalid test_type selector '{input.Text}': expected \"generic\", \"singular\", \"unit\", or \"data\""
            : null;
        return matcher is not null;
    }
}
