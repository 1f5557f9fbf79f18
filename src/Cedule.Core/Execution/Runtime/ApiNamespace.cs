using Cedule.Core.Context;
using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Execution.Runtime;

/// <summary>dbt's <c>api</c>: <c>api.Relation.create(database=, schema=, identifier=, type=)</c>.</summary>
internal sealed class ApiNamespace(char quote) : IJinjaObject
{
    public bool TryGetAttribute(string name, out object? value)
    {
        value = name == "Relation" ? new RelationFactory(quote) : null;
        return value is not null;
    }

    public string ToPythonString() => "<api>";

    private sealed class RelationFactory(char quote) : IJinjaObject
    {
        public bool TryGetAttribute(string name, out object? value)
        {
            value = name == "create"
                ? new JinjaFunction(name, (_, args) => new Relation(
                    Optional(args.Get(0, "database")),
                    Optional(args.Get(1, "schema")),
                    Optional(args.Get(2, "identifier")) ?? string.Empty,
                    quote,
                    Optional(args.Get(3, "type")) ?? "table"))
                : null;
            return value is not null;
        }

        public string ToPythonString() => "<class 'Relation'>";

        private static string? Optional(object? value) => value is null or Undefined ? null : PyOps.ToStr(value);
    }
}
