using System.Text.Json;
using Cedule.Core.Yaml;
using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Context;

/// <summary>The node-independent part of the dbt context: env_var, log, return, exceptions, JSON and YAML helpers…</summary>
internal static class SharedContext
{
    public static Dictionary<string, object?> Create(ProjectContext project, Action<string>? log)
    {
        var shared = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["env_var"] = EnvVarFunction.Create(project.GetEnvironmentVariable),
            ["log"] = new JinjaFunction("log", (_, args) =>
            {
                log?.Invoke(PyOps.ToStr(args.Get(0, "msg")));
                return string.Empty;
            }),
            ["print"] = new JinjaFunction("print", (_, args) =>
            {
                log?.Invoke(PyOps.ToStr(args.Get(0, "msg")));
                return string.Empty;
            }),
            ["return"] = MacroReturn.Function,
            ["exceptions"] = new ExceptionsNamespace(log),
            ["fromjson"] = new JinjaFunction("fromjson", (_, args) => FromJson(args)),
            ["tojson"] = new JinjaFunction("tojson", (_, args) => ToJson(args.Get(0, "value"))),
            ["fromyaml"] = new JinjaFunction("fromyaml", (_, args) =>
                YamlValues.ToValue(YamlReader.Read(PyOps.ToStr(args.Get(0, "value")), "<fromyaml>"))),
            ["zip"] = new JinjaFunction("zip", (_, args) => Zip(args)),
            ["set"] = new JinjaFunction("set", (_, args) => Unique(args.Get(0, "value"))),
            ["target"] = project.TargetDict(),
            ["project_name"] = project.Root.Name,
            ["dbt_version"] = EngineInfo.DbtCompatibility + ".0",
            ["flags"] = new PyDict { ["FULL_REFRESH"] = false, ["WHICH"] = "parse", ["STORE_FAILURES"] = false },
            ["invocation_id"] = "00000000-0000-0000-0000-000000000000",

            // dbt has it in every context, so a model writing '{{ run_started_at }}' unguarded must
            // parse; a fixed instant keeps the parse (and the graph hash) independent of the clock.
            ["run_started_at"] = new Execution.Runtime.PyDateTime(DateTimeOffset.UnixEpoch),
            ["run_query"] = new JinjaFunction("run_query", (_, _) => null),
            ["load_result"] = new JinjaFunction("load_result", (_, _) => null),
            ["store_result"] = new JinjaFunction("store_result", (_, _) => string.Empty),
            ["statement"] = new JinjaFunction("statement", (_, _) => string.Empty),
            ["noop_statement"] = new JinjaFunction("noop_statement", (_, _) => string.Empty),
        };
        return shared;
    }

    private static object? FromJson(Arguments args)
    {
        var text = PyOps.ToStr(args.Get(0, "value"));
        try
        {
            using var document = JsonDocument.Parse(text);
            return PyConvert.FromJson(document.RootElement);
        }
        catch (JsonException) when (args.Has(1, "default"))
        {
            return args.Get(1, "default");
        }
    }

    private static string ToJson(object? value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Manifest.JsonValues.Write(writer, value);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static List<object?> Zip(Arguments args)
    {
        var lists = args.Positional.Select(a => PyOps.Iterate(a).ToList()).ToList();
        var result = new List<object?>();
        if (lists.Count == 0)
        {
            return result;
        }

        var length = lists.Min(l => l.Count);
        for (var i = 0; i < length; i++)
        {
            result.Add(new PyTuple([.. lists.Select(l => l[i])]));
        }

        return result;
    }

    private static List<object?> Unique(object? value)
    {
        var result = new List<object?>();
        foreach (var item in PyOps.Iterate(value))
        {
            if (!result.Exists(x => PyOps.Equals(x, item)))
            {
                result.Add(item);
            }
        }

        return result;
    }
}

/// <summary>dbt's <c>exceptions</c> namespace.</summary>
internal sealed class ExceptionsNamespace(Action<string>? log) : IJinjaObject
{
    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "raise_compiler_error" => new JinjaFunction(name, (_, args) =>
                throw new TemplateException(ErrorKind.HostError, "Compilation Error: " + PyOps.ToStr(args.Get(0, "msg")))),
            "warn" => new JinjaFunction(name, (_, args) =>
            {
                log?.Invoke("warning: " + PyOps.ToStr(args.Get(0, "msg")));
                return string.Empty;
            }),
            "raise_not_implemented" => new JinjaFunction(name, (_, args) =>
                throw new TemplateException(ErrorKind.HostError, "Not implemented: " + PyOps.ToStr(args.Get(0, "msg")))),
            _ => null,
        };
        return value is not null;
    }

    public string ToPythonString() => "<exceptions>";
}
