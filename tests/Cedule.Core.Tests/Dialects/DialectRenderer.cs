using System.Text;
using Cedule.Core.Context;
using Cedule.Core.Dialects;
using Cedule.Core.Manifest;
using Cedule.Core.Parsing;
using Cedule.Core.Project;
using Cedule.Jinja.Values;

namespace Cedule.Core.Tests.Dialects;

/// <summary>
/// Renders a template as a model of a small project would be rendered in parse mode (same
/// context, same registry, built-in macros included), for one adapter type.
/// </summary>
internal sealed class DialectRenderer
{
    private const string Package = "fixture";
    private static readonly Jinja.Environment Env = new();
    private readonly ProjectContext _context;
    private readonly ManifestNode _node;

    public DialectRenderer(string adapterType, string? projectMacros = null)
    {
        var target = new TargetFacts("dev", adapterType, "warehouse", "analytics");
        var root = ProjectFile.Read($"name: {Package}\nprofile: {Package}\nversion: '1.0'\n", ProjectFile.FileName);
        var registry = new MacroRegistry(Package, target.AdapterChain);
        DialectMacros.Register(registry);
        if (projectMacros is not null)
        {
            foreach (var (name, macro) in Env.FromString(projectMacros, "macros/project.sql").GetMacros())
            {
                registry.Add(Package, name, macro);
            }
        }

        var projects = new Dictionary<string, ProjectFile>(StringComparer.Ordinal) { [Package] = root };
        _context = new ProjectContext(root, projects, target, registry, new PyDict(), _ => null, null);
        _node = new ManifestNode
        {
            UniqueId = $"model.{Package}.m",
            ResourceType = "model",
            PackageName = Package,
            Name = "m",
            Path = "m.sql",
            OriginalFilePath = "models/m.sql",
            Fqn = [Package, "m"],
        };
    }

    /// <summary>Macro unique ids the last render called by name.</summary>
    public IReadOnlySet<string> Called { get; private set; } = new HashSet<string>();

    public string Render(string template)
    {
        var parse = new ParseContext(_context, _node);
        var output = new StringBuilder();
        Env.FromString(template, "models/m.sql").RenderTo(output, null, parse.Resolver);
        Called = parse.MacrosCalled;
        return output.ToString();
    }
}
