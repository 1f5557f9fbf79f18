using Cedule.Core.Configs;
using Cedule.Core.Manifest;
using Cedule.Core.Parsing;
using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Context;

/// <summary>
/// The dbt context a node sees while the project is parsed (<c>execute</c> is false): ref, source
/// and config record what the node declares; the database is never touched (get_relation returns
/// None, run_query returns None). One instance per node render.
/// </summary>
internal sealed partial class ParseContext
{
    private readonly ProjectContext _project;
    private readonly ManifestNode _node;
    private readonly Dictionary<string, object?> _cache = new(StringComparer.Ordinal);

    public ParseContext(ProjectContext project, ManifestNode node)
    {
        _project = project;
        _node = node;
    }

    /// <summary>The config() calls made by the template, in order.</summary>
    public List<PyDict> ConfigCalls { get; } = [];

    /// <summary>Macros the template called by name (macro unique ids).</summary>
    public HashSet<string> MacrosCalled { get; } = new(StringComparer.Ordinal);

    public VariableResolver Resolver => TryResolve;

    private bool TryResolve(string name, out object? value)
    {
        if (_cache.TryGetValue(name, out value))
        {
            return true;
        }

        if (TryCreate(name, out value))
        {
            _cache[name] = value;
            return true;
        }

        if (_project.Macros.TryResolve(_node.PackageName, name, out var macro, out var package))
        {
            MacrosCalled.Add($"macro.{package}.{name}");
            value = macro;
            return true;
        }

        // `dbt` is the namespace of Cedule's built-in macros (dbt.concat, dbt.type_string…).
        if (_project.Packages.Contains(name) || name == MacroRegistry.InternalPackage)
        {
            value = new PackageNamespace(_project.Macros, name, MacrosCalled);
            _cache[name] = value;
            return true;
        }

        return _project.Shared.TryGetValue(name, out value);
    }

    private bool TryCreate(string name, out object? value)
    {
        value = name switch
        {
            "ref" => new JinjaFunction("ref", (_, args) => Ref(args)),
            "source" => new JinjaFunction("source", (_, args) => Source(args)),
            "config" => new ParseConfig(this),
            "var" => _project.VarFunction(_node.PackageName),
            "this" => _project.RelationOf(_node),
            "model" => ModelDict(),
            "is_incremental" => new JinjaFunction("is_incremental", (_, _) => false),
            "execute" => false,
            "adapter" => new ParseAdapter(_project, _node, MacrosCalled),
            "graph" => new PyDict(),
            "selected_resources" => new List<object?>(),
            _ => null,
        };
        return value is not null || name == "execute";
    }

    private Relation Ref(Arguments args)
    {
        if (args.Count is < 1 or > 2)
        {
            throw new TemplateException(ErrorKind.TypeError, "ref() takes 1 or 2 positional arguments (a name, or a package and a name)");
        }

        var version = args.TryGetKeyword("version", out var v) ? v : args.TryGetKeyword("v", out var v2) ? v2 : null;
        var name = PyOps.ToStr(args.Positional[^1]);
        var package = args.Count == 2 ? PyOps.ToStr(args.Positional[0]) : null;
        _node.Refs.Add(new RefCall(package, name, version));
        return new Relation(_project.Target.Database, _project.Target.Schema, name, _project.Quote);
    }

    private Relation Source(Arguments args)
    {
        if (args.Count != 2)
        {
            throw new TemplateException(ErrorKind.TypeError, "source() takes exactly 2 arguments: the source name and the table name");
        }

        var source = PyOps.ToStr(args.Positional[0]);
        var table = PyOps.ToStr(args.Positional[1]);
        _node.Sources.Add((source, table));
        return new Relation(_project.Target.Database, source, table, _project.Quote);
    }

    private PyDict ModelDict() => new()
    {
        ["unique_id"] = _node.UniqueId,
        ["name"] = _node.Name,
        ["package_name"] = _node.PackageName,
        ["resource_type"] = _node.ResourceType,
        ["path"] = _node.Path,
        ["original_file_path"] = _node.OriginalFilePath,
        ["fqn"] = _node.Fqn.Cast<object?>().ToList(),
        ["config"] = _node.Config,
        ["tags"] = _node.Tags.Cast<object?>().ToList(),
        ["raw_code"] = _node.RawCode,
    };

    /// <summary>Records one config() call: keyword arguments, or a dict as the only positional argument.</summary>
    internal void AddConfig(Arguments args)
    {
        var config = new PyDict();
        if (args.Count == 1 && args.Positional[0] is PyDict dict)
        {
            foreach (var (k, v) in dict)
            {
                config[k] = v;
            }
        }
        else if (args.Count > 0)
        {
            throw new TemplateException(ErrorKind.TypeError, "config() takes keyword arguments or one dict");
        }

        foreach (var (k, v) in args.Keywords)
        {
            config[ConfigMerge.NormalizeKey(k)] = v;
        }

        ConfigCalls.Add(config);
    }
}
