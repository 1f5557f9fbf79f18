using System.Globalization;
using Cedule.Core.Manifest;
using Cedule.Core.Parsing;
using Cedule.Core.Project;
using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Context;

/// <summary>
/// What every node of one parse shares: the target facts, the macros, the packages, the vars,
/// and the context functions that do not depend on the node (env_var, log, tojson…).
/// </summary>
internal sealed class ProjectContext
{
    private readonly Dictionary<string, ProjectFile> _projects;
    private readonly PyDict _cliVars;
    private readonly Func<string, string?> _environment;
    private readonly Dictionary<string, JinjaFunction> _varFunctions = new(StringComparer.Ordinal);

    public ProjectContext(
        ProjectFile root,
        Dictionary<string, ProjectFile> projects,
        TargetFacts target,
        MacroRegistry macros,
        PyDict cliVars,
        Func<string, string?> environment,
        Action<string>? log)
    {
        Root = root;
        _projects = projects;
        Target = target;
        Macros = macros;
        _cliVars = cliVars;
        _environment = environment;
        Packages = new HashSet<string>(projects.Keys, StringComparer.Ordinal);
        Shared = SharedContext.Create(this, log);
    }

    public ProjectFile Root { get; }

    /// <summary>Every project of the parse (the root and its packages), by name.</summary>
    public IReadOnlyDictionary<string, ProjectFile> Projects => _projects;

    public TargetFacts Target { get; }

    public MacroRegistry Macros { get; }

    public HashSet<string> Packages { get; }

    /// <summary>The identifier quote of the target's dialect (every supported dialect uses double quotes).</summary>
#pragma warning disable CA1822 // per-dialect quoting comes with the dialect folders; keep the instance API
    public char Quote => '"';
#pragma warning restore CA1822

    /// <summary>Context entries that are the same for every node.</summary>
    public Dictionary<string, object?> Shared { get; }

    public string? GetEnvironmentVariable(string name) => _environment(name);

    public Relation RelationOf(ManifestNode node) =>
        new(node.Database ?? Target.Database, node.Schema ?? Target.Schema, node.Alias ?? node.Name, Quote);

    /// <summary>dbt's var(): CLI vars, then the root project's vars, then the package's own, global then package-scoped.</summary>
    public JinjaFunction VarFunction(string package)
    {
        if (_varFunctions.TryGetValue(package, out var function))
        {
            return function;
        }

        var vars = VarsFor(package);
        function = new JinjaFunction("var", (_, args) =>
        {
            var name = PyOps.ToStr(args.Get(0, "name"));
            if (vars.TryGetValue(name, out var value))
            {
                return value;
            }

            if (args.Has(1, "default"))
            {
                return args.Get(1, "default");
            }

            throw new TemplateException(ErrorKind.HostError,
                $"Required var '{name}' not found in config: set it in dbt_project.yml 'vars:' or pass it with --vars");
        });
        _varFunctions[package] = function;
        return function;
    }

    private PyDict VarsFor(string package)
    {
        var result = new PyDict();
        void AddFrom(ProjectFile project)
        {
            foreach (var (key, value) in project.Vars)
            {
                if (key is string k && Packages.Contains(k) && value is PyDict)
                {
                    continue; // a package scope, not a var
                }

                result[key] = value;
            }

            if (project.Vars.TryGetValue(package, out var scoped) && scoped is PyDict scope)
            {
                foreach (var (key, value) in scope)
                {
                    result[key] = value;
                }
            }
        }

        if (_projects.TryGetValue(package, out var own) && !ReferenceEquals(own, Root))
        {
            AddFrom(own);
        }

        AddFrom(Root);
        foreach (var (key, value) in _cliVars)
        {
            result[key] = value;
        }

        return result;
    }

    public PyDict TargetDict() => Target.ToTargetDict(Root.Profile);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
