using Cedule.Core.Graph;
using Cedule.Core.Selection;

namespace Cedule.Core.Tests.Selection;

/// <summary>Selection on a large graph. Speed is measured in bench/, never asserted here.</summary>
public sealed class SelectionPerformanceTests
{
    [Fact]
    public void Select_TenThousandNodes_ReturnsATopologicallyOrderedSelection()
    {
        var nodes = new List<GraphNode>();
        var random = new Random(7);
        for (var i = 0; i < 10_000; i++)
        {
            var parents = i == 0 ? [] : Enumerable.Range(0, 3).Select(_ => $"model.p.m{random.Next(i):D5}").Distinct().ToArray();
            nodes.Add(new GraphNode
            {
                UniqueId = $"model.p.m{i:D5}",
                ResourceType = NodeType.Model,
                PackageName = "p",
                Name = $"m{i:D5}",
                Fqn = ["p", i % 2 == 0 ? "staging" : "marts", $"m{i:D5}"],
                Tags = i % 10 == 0 ? ["daily"] : [],
                DependsOn = parents,
            });
            nodes.Add(new GraphNode
            {
                UniqueId = $"test.p.unique_m{i:D5}",
                ResourceType = NodeType.Test,
                PackageName = "p",
                Name = $"unique_m{i:D5}",
                TestKind = TestKind.Generic,
                TestName = "unique",
                DependsOn = [$"model.p.m{i:D5}"],
            });
        }

        var dag = Dag.Build(nodes);
        var criteria = new SelectionCriteria
        {
            Select = ["+m09999 tag:daily+ staging.*,config.materialized:view"],
            Exclude = ["m00042+"],
            IndirectSelection = IndirectSelection.Cautious,
        };
        var result = NodeSelector.Select(dag, criteria);

        Assert.True(result.Succeeded);
        Assert.NotEmpty(result.UniqueIds);
        Assert.DoesNotContain("model.p.m00042", result.UniqueIds);
        var position = result.UniqueIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        foreach (var id in result.UniqueIds)
        {
            foreach (var parent in dag.GetParents(id))
            {
                Assert.True(!position.TryGetValue(parent, out var p) || p < position[id], $"{parent} must come before {id}");
            }
        }
    }
}
