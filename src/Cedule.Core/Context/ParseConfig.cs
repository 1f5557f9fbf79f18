using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Context;

/// <summary>
/// <c>config</c> at parse time: calling it records configs; <c>config.get</c> and
/// <c>config.require</c> answer empty, as dbt's parse-time config object does (the real values
/// exist only once every config source is merged).
/// </summary>
internal sealed class ParseConfig(ParseContext context) : IJinjaCallable, IJinjaObject
{
    public object? Call(IRuntime runtime, Arguments arguments)
    {
        context.AddConfig(arguments);
        return string.Empty;
    }

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "get" or "require" => new JinjaFunction(name, (_, _) => string.Empty),
            "set" => new JinjaFunction(name, (_, args) =>
            {
                context.AddConfig(new Arguments([], [new(PyOps.ToStr(args.Get(0, "name")), args.Get(1, "value"))]));
                return string.Empty;
            }),
            "persist_relation_docs" or "persist_column_docs" => new JinjaFunction(name, (_, _) => false),
            _ => null,
        };
        return value is not null;
    }

    public string ToPythonString() => "<config>";
}
