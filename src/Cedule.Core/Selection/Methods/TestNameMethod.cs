using System.Diagnostics.CodeAnalysis;
using Cedule.Core.Graph;

namespace Cedule.Core.Selection.Methods;

/// <summary>
/// <c>test_name:</c> generic tests by their test macro's name without namespace
/// (<c>test_name:expression_is_true</c> for <c>dbt_utils.expression_is_true</c>), and unit tests
/// by name; wildcards allowed. Singular tests have no test name.
/// </summary>
internal sealed class TestNameMethod : ISelectorMethod
{
    public string Name => "test_name";

    public bool TryCreateMatcher(SelectorMethodInput input, [NotNullWhen(true)] out Func<GraphNode, bool>? matcher, [NotNullWhen(false)] out string? error)
    {
        var pattern = input.Text;
        matcher = node => node.ResourceType switch
        {
            NodeType.Test => node.TestKind == TestKind.Generic && node.TestName is { } name && Fnmatch.IsMatch(name, pattern),
            NodeType.UnitTest => Fnmatch.IsMatch(node.Name, pattern),
            _ => false,
        };
        error = null;
        return true;
    }
}
