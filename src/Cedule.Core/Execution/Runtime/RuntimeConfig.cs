using Cedule.Core.Manifest;
using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Execution.Runtime;

/// <summary>
/// <c>config</c> at run time: <c>config.get(key, default)</c> and <c>config.require(key)</c> read the
/// node's resolved config; calling <c>config(...)</c> in the model changes nothing (its values were
/// merged at parse time).
/// </summary>
internal sealed class RuntimeConfig(ManifestNode node) : IJinjaCallable, IJinjaObject
{
    public object? Call(IRuntime runtime, Arguments arguments) => string.Empty;

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "get" => new JinjaFunction(name, (_, args) => Get(PyOps.ToStr(args.Get(0, "name")), args.Get(1, "default"))),
            "require" => new JinjaFunction(name, (_, args) =>
            {
                var key = PyOps.ToStr(args.Get(0, "name"));
                return node.Config.TryGetValue(Normalize(key), out var v) && v is not null
                    ? v
                    : throw new TemplateException(ErrorKind.HostError, $"missing config: '{key}' is required for {node.UniqueId}");
            }),
            "set" => new JinjaFunction(name, (_, _) => string.Empty),
            "persist_relation_docs" => new JinjaFunction(name, (_, _) => PersistDocs("relation")),
            "persist_column_docs" => new JinjaFunction(name, (_, _) => PersistDocs("columns")),
            _ => null,
        };
        return value is not null;
    }

    public string ToPythonString() => "<config>";

    private object? Get(string key, object? fallback) =>
        node.Config.TryGetValue(Normalize(key), out var value) && value is not null ? value : fallback is Undefined ? null : fallback;

    private bool PersistDocs(string what) =>
        node.Config.TryGetValue("persist_docs", out var docs) && docs is PyDict d && d.TryGetValue(what, out var v) && v is true;

    private static string Normalize(string key) => Configs.ConfigMerge.NormalizeKey(key);
}
