using Cedule.Core.Manifest;
using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Context;

/// <summary>
/// <c>adapter</c> at parse time: dispatch resolves macros exactly as at run time; everything that
/// would ask the database answers "nothing" (get_relation returns None, columns are empty).
/// </summary>
internal sealed class ParseAdapter(ProjectContext project, ManifestNode node, HashSet<string> called) : IJinjaObject
{
    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "dispatch" => new JinjaFunction(name, (_, args) => Dispatch(args)),
            "type" => new JinjaFunction(name, (_, _) => project.Target.Type),
            "quote" => new JinjaFunction(name, (_, args) => Quote(PyOps.ToStr(args.Get(0, "identifier")))),
            "quote_as_configured" => new JinjaFunction(name, (_, args) => Quote(PyOps.ToStr(args.Get(0, "identifier")))),
            "get_relation" or "load_relation" => new JinjaFunction(name, (_, _) => null),
            "get_columns_in_relation" or "list_relations_without_caching" or "list_schemas" =>
                new JinjaFunction(name, (_, _) => new List<object?>()),
            "check_schema_exists" => new JinjaFunction(name, (_, _) => false),
            "create_schema" or "drop_schema" or "drop_relation" or "rename_relation" or "truncate_relation" or "expand_target_column_types" =>
                new JinjaFunction(name, (_, _) => string.Empty),
            "already_exists" => new JinjaFunction(name, (_, _) => false),
            _ => null,
        };
        return value is not null;
    }

    public string ToPythonString() => $"<adapter {project.Target.Type}>";

    private string Quote(string identifier) =>
        string.Concat(project.Quote.ToString(), identifier, project.Quote.ToString());

    private object Dispatch(Arguments args) => MacroDispatch.Resolve(project, node, args, called);
}
