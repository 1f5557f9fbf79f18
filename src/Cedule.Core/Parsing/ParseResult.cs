using Cedule.Core.Diagnostics;
using Cedule.Core.Manifest;
using Cedule.Core.Project;

namespace Cedule.Core.Parsing;

/// <summary>The outcome of parsing a project: every node (enabled and disabled) and every problem found.</summary>
public sealed class ParseResult
{
    internal ParseResult(ProjectFile root, IReadOnlyList<ManifestNode> nodes, IReadOnlyList<string> macros, IReadOnlyList<Diagnostic> diagnostics)
    {
        Root = root;
        Nodes = nodes;
        Macros = macros;
        Diagnostics = diagnostics;
    }

    /// <summary>The root project's file.</summary>
    public ProjectFile Root { get; }

    /// <summary>Enabled and disabled nodes, sorted by unique id.</summary>
    public IReadOnlyList<ManifestNode> Nodes { get; }

    /// <summary>Unique ids of every macro (<c>macro.&lt;package&gt;.&lt;name&gt;</c>).</summary>
    public IReadOnlyList<string> Macros { get; }

    /// <summary>Every problem, errors and warnings, in file order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when no error was found.</summary>
    public bool IsValid => Diagnostics.All(d => d.Severity != Severity.Error);

    /// <summary>What the nodes were rendered with (macros, packages, vars, target facts); the engine renders them again with it at run time.</summary>
    internal Context.ProjectContext? Context { get; init; }

    /// <summary>The project's folder (absolute): where seeds and other files are read from at run time.</summary>
    internal string? Directory { get; init; }

    /// <summary>The template environment (block tags, fuel) the project was parsed with.</summary>
    internal Jinja.Environment? Environment { get; init; }

    /// <summary>The enabled nodes.</summary>
    public IEnumerable<ManifestNode> EnabledNodes => Nodes.Where(n => n.IsEnabled);
}
