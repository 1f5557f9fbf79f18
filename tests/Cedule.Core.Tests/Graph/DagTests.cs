using Cedule.Core.Diagnostics;
using Cedule.Core.Graph;

namespace Cedule.Core.Tests.Graph;

public sealed class DagTests
{
    private static GraphNode Model(string name, params string[] parents) => new()
    {
        UniqueId = $"model.p.{name}",
        ResourceType = NodeType.Model,
        PackageName = "p",
        Name = name,
        Fqn = ["p", name],
        OriginalFilePath = $"models/{name}.sql",
        DependsOn = [.. parents.Select(p => $"model.p.{p}")],
    };

    [Fact]
    public void TopologicalOrder_IndependentNodes_AreOrderedByUniqueIdOrdinal()
    {
        var dag = Dag.Build([Model("c"), Model("a"), Model("B"), Model("b")]);

        Assert.Equal(["model.p.B", "model.p.a", "model.p.b", "model.p.c"], dag.TopologicalOrder);
        Assert.Empty(dag.Diagnostics);
    }

    [Fact]
    public void TopologicalOrder_Diamond_PutsParentsFirstAndBreaksTiesByUniqueId()
    {
        var dag = Dag.Build([Model("d", "c", "b"), Model("c", "a"), Model("b", "a"), Model("a"), Model("z"), Model("e", "z")]);

        Assert.Equal(["model.p.a", "model.p.b", "model.p.c", "model.p.d", "model.p.z", "model.p.e"], dag.TopologicalOrder);
    }

    [Fact]
    public void TopologicalOrder_SameNodesInAnyInputOrder_IsIdentical()
    {
        GraphNode[] nodes = [Model("d", "c", "b"), Model("c", "a"), Model("b", "a"), Model("a"), Model("x"), Model("y", "x")];
        var expected = Dag.Build(nodes).TopologicalOrder;

        for (var seed = 0; seed < 10; seed++)
        {
            var shuffled = nodes.OrderBy(_ => Random.Shared.Next()).ToArray();
            Assert.Equal(expected, Dag.Build(shuffled).TopologicalOrder);
        }
    }

    [Fact]
    public void ParentsAndChildren_Diamond_FollowDeclarationAndIdOrder()
    {
        var dag = Dag.Build([Model("d", "c", "b"), Model("c", "a"), Model("b", "a"), Model("a")]);

        Assert.Equal(["model.p.c", "model.p.b"], dag.GetParents("model.p.d"));
        Assert.Equal(["model.p.b", "model.p.c"], dag.GetChildren("model.p.a"));
        Assert.Empty(dag.GetChildren("model.p.d"));
    }

    [Fact]
    public void Build_DuplicateDependency_KeepsOneEdge()
    {
        var dag = Dag.Build([Model("a"), Model("b", "a", "a")]);

        Assert.Equal(["model.p.a"], dag.GetParents("model.p.b"));
        Assert.Equal(["model.p.b"], dag.GetChildren("model.p.a"));
    }

    [Fact]
    public void Build_Cycle_ReportsThePathInDataFlowOrder()
    {
        // b reads a, c reads b, a reads c: data flows a -> b -> c -> a.
        var dag = Dag.Build([Model("a", "c"), Model("b", "a"), Model("c", "b"), Model("root"), Model("below", "c")]);

        Assert.True(dag.HasCycles);
        var diagnostic = Assert.Single(dag.Diagnostics);
        Assert.Equal(DiagnosticCodes.Cycle, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal("Found a cycle: model.p.a -> model.p.b -> model.p.c -> model.p.a", diagnostic.Message);
        Assert.Equal("models/a.sql", diagnostic.Location.Path);
        Assert.Equal(["model.p.root"], dag.TopologicalOrder);
        Assert.Equal(-1, dag.GetLevel("model.p.below"));
    }

    [Fact]
    public void Build_SelfDependencyAndTwoCycles_ReportsEachCycle()
    {
        var dag = Dag.Build([Model("self", "self"), Model("x", "y"), Model("y", "x")]);

        Assert.Equal(
            ["Found a cycle: model.p.self -> model.p.self", "Found a cycle: model.p.x -> model.p.y -> model.p.x"],
            dag.Diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void Build_CycleInsideLargerComponent_ReportsTheShortestCycleThroughSmallestId()
    {
        // a -> b -> c -> a and a -> d -> e -> c: one component, shortest cycle through a has 3 edges.
        var dag = Dag.Build([Model("a", "c"), Model("b", "a"), Model("c", "b", "e"), Model("d", "a"), Model("e", "d")]);

        var diagnostic = Assert.Single(dag.Diagnostics);
        Assert.Equal("Found a cycle: model.p.a -> model.p.b -> model.p.c -> model.p.a", diagnostic.Message);
    }

    [Fact]
    public void Build_MissingDependency_IsReportedAndTheEdgeDropped()
    {
        var node = Model("b", "a", "ghost");
        var dag = Dag.Build([Model("a"), node]);

        var diagnostic = Assert.Single(dag.Diagnostics);
        Assert.Equal(DiagnosticCodes.DependencyNotFound, diagnostic.Code);
        Assert.Contains("'model.p.ghost'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(["model.p.a"], dag.GetParents("model.p.b"));
        Assert.Equal(["model.p.a", "model.p.b"], dag.TopologicalOrder);
    }

    [Fact]
    public void Build_DuplicateUniqueId_KeepsTheFirstAndReportsTheSecond()
    {
        var first = Model("a");
        var second = new GraphNode { UniqueId = "model.p.a", ResourceType = NodeType.Model, PackageName = "p", Name = "a", OriginalFilePath = "models/other/a.sql" };
        var dag = Dag.Build([first, second]);

        Assert.Equal(1, dag.Count);
        Assert.Same(first, dag["model.p.a"]);
        var diagnostic = Assert.Single(dag.Diagnostics);
        Assert.Equal(DiagnosticCodes.DuplicateNode, diagnostic.Code);
        Assert.Equal("models/other/a.sql", diagnostic.Location.Path);
    }

    [Fact]
    public void AncestorsAndDescendants_WithDepth_StopAtThatDistance()
    {
        var dag = Dag.Build([Model("a"), Model("b", "a"), Model("c", "b"), Model("d", "c"), Model("x", "a")]);

        Assert.Equal(["model.p.a", "model.p.b", "model.p.c"], dag.GetAncestors("model.p.d"));
        Assert.Equal(["model.p.c"], dag.GetAncestors("model.p.d", 1));
        Assert.Equal(["model.p.b", "model.p.c"], dag.GetAncestors("model.p.d", 2));
        Assert.Equal(["model.p.b", "model.p.c", "model.p.d", "model.p.x"], dag.GetDescendants("model.p.a"));
        Assert.Equal(["model.p.b", "model.p.x"], dag.GetDescendants("model.p.a", 1));
        Assert.Empty(dag.GetDescendants("model.p.a", 0));
    }

    [Fact]
    public void Levels_Diamond_GroupNodesByLongestDistanceFromRoots()
    {
        var dag = Dag.Build([Model("a"), Model("b", "a"), Model("c", "b"), Model("d", "a", "c"), Model("e")]);

        Assert.Equal(
            [["model.p.a", "model.p.e"], ["model.p.b"], ["model.p.c"], ["model.p.d"]],
            dag.Levels.Select(l => l.ToArray()).ToArray());
        Assert.Equal(3, dag.GetLevel("model.p.d"));
    }

    [Fact]
    public void CriticalPath_GivenDurations_FollowsTheLongestChain()
    {
        var dag = Dag.Build([Model("a"), Model("b", "a"), Model("c", "a"), Model("d", "b", "c")]);
        var seconds = new Dictionary<string, int> { ["a"] = 1, ["b"] = 5, ["c"] = 2, ["d"] = 1 };

        var path = dag.GetCriticalPath(n => TimeSpan.FromSeconds(seconds[n.Name]));

        Assert.Equal(["model.p.a", "model.p.b", "model.p.d"], path.UniqueIds);
        Assert.Equal(TimeSpan.FromSeconds(7), path.Duration);
    }

    [Fact]
    public void CriticalPath_EqualChains_PicksTheSmallerUniqueId()
    {
        var dag = Dag.Build([Model("a"), Model("b", "a"), Model("c", "a"), Model("d", "c", "b")]);

        var path = dag.GetCriticalPath(_ => TimeSpan.FromSeconds(1));

        Assert.Equal(["model.p.a", "model.p.b", "model.p.d"], path.UniqueIds);
    }

    [Fact]
    public void Build_TenThousandNodesThreeEdgesEach_OrdersEveryParentFirst()
    {
        var nodes = new GraphNode[10_000];
        var random = new Random(42);
        for (var i = 0; i < nodes.Length; i++)
        {
            var parents = i == 0 ? [] : Enumerable.Range(0, 3).Select(_ => $"model.p.n{random.Next(i):D5}").ToArray();
            nodes[i] = new GraphNode { UniqueId = $"model.p.n{i:D5}", ResourceType = NodeType.Model, PackageName = "p", Name = $"n{i:D5}", DependsOn = parents };
        }

        // Speed is measured in bench/, never asserted here: this checks the order on a large graph.
        var dag = Dag.Build(nodes);

        Assert.Equal(10_000, dag.TopologicalOrder.Count);
        Assert.Empty(dag.Diagnostics);
        var position = dag.TopologicalOrder.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            Assert.All(node.DependsOn, parent => Assert.True(position[parent] < position[node.UniqueId]));
        }
    }
}
