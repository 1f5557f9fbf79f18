using Cedule.Core.Diagnostics;
using Cedule.Core.Graph;
using Cedule.Core.Selection;

namespace Cedule.Core.Tests.Selection;

public sealed class ResourceTypeArgumentsTests
{
    [Fact]
    public void Resolve_Nothing_GivesTheCommandDefaults()
    {
        var diagnostics = new List<Diagnostic>();

        var types = ResourceTypeArguments.Resolve([], [], ResourceTypeArguments.ListAll, ResourceTypeArguments.ListDefault, diagnostics);

        Assert.Equal(ResourceTypeArguments.ListDefault.Order(), types.Order());
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Resolve_AllMinusExcluded_ExpandsThenRemoves()
    {
        var diagnostics = new List<Diagnostic>();

        var types = ResourceTypeArguments.Resolve(["all"], ["test", "Unit_Test"], ResourceTypeArguments.Build, ResourceTypeArguments.Build, diagnostics);

        Assert.Equal([NodeType.Model, NodeType.Seed, NodeType.Snapshot, NodeType.SavedQuery], types.Order());
    }

    [Fact]
    public void Resolve_NamedTypes_KeepsOnlyThem()
    {
        var types = ResourceTypeArguments.Resolve(["MODEL", "seed"], [], ResourceTypeArguments.ListAll, ResourceTypeArguments.ListDefault, []);

        Assert.Equal([NodeType.Model, NodeType.Seed], types.Order());
    }

    [Fact]
    public void Resolve_UnknownType_IsReported()
    {
        var diagnostics = new List<Diagnostic>();

        ResourceTypeArguments.Resolve(["modele"], ["operation"], ResourceTypeArguments.ListAll, ResourceTypeArguments.ListDefault, diagnostics);

        Assert.Equal(["--resource-type", "--exclude-resource-type"], diagnostics.Select(d => d.Location.Path));
        Assert.StartsWith("invalid --resource-type 'modele': expected one of metric,", diagnostics[0].Message, StringComparison.Ordinal);
    }
}
