using System.Diagnostics;
using Cedule.Core.Graph;
using Cedule.Core.Selection;

namespace Cedule.Core.Tests.Selection;

public sealed class SelectionPerformanceTests
{
    [Fact]
    public void Select_TenThousandNodes_IsFast()
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
        var best = long.MaxValue;
        SelectionResult? result = null;
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            result = NodeSelector.Select(dag, criteria);
            best = Math.Min(best, watch.ElapsedMilliseconds);
        }

        Assert.True(result!.Succeeded);
        Assert.NotEmpty(result.UniqueIds);

        // Generous on purpose: it catches a quadratic regression (seconds at this size), not noise on
        // a shared machine; in Release on an idle machine this takes a few milliseconds.
        Assert.True(best < 2000, $"took {best} ms");
    }
}
