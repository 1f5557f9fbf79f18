using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Cedule.Core.Configs;
using Cedule.Core.Context;
using Cedule.Core.Diagnostics;
using Cedule.Core.Manifest;
using Cedule.Core.Project;
using Cedule.Jinja;
using Cedule.Jinja.Values;

// MD5 names tests exactly as dbt does (an identifier, not a security measure).
#pragma warning disable CA5351

namespace Cedule.Core.Parsing;

internal sealed partial class PropertyFiles
{
    /// <summary>Keys of a generic test's arguments that are configs, not arguments (dbt moves them to config).</summary>
    private static readonly HashSet<string> TestConfigKeys = new(StringComparer.Ordinal)
    {
        "severity", "tags", "enabled", "where", "limit", "warn_if", "error_if", "fail_calc", "store_failures", "store_failures_as", "meta", "database", "schema", "alias",
    };

    public IEnumerable<ManifestNode> BuildSources(ProjectFile root)
    {
        foreach (var definition in _sources)
        {
            var sourceName = PyOps.ToStr(definition.Source["name"]);
            var tableName = PyOps.ToStr(definition.Table["name"]);
            var fqn = new List<string> { definition.Package };
            fqn.AddRange(definition.Folders);
            fqn.Add(sourceName);
            fqn.Add(tableName);
            var node = new ManifestNode
            {
                UniqueId = $"source.{definition.Package}.{sourceName}.{tableName}",
                ResourceType = "source",
                PackageName = definition.Package,
                Name = tableName,
                Path = definition.File,
                OriginalFilePath = definition.File,
                Fqn = fqn,
                SourceName = sourceName,
                PatchPath = definition.File,
            };
            node.Config["enabled"] = true;
            root.Sources.ApplyTo(node.Config, fqn);
            foreach (var level in (PyDict[])[definition.Source, definition.Table])
            {
                if (level.TryGetValue("config", out var config) && config is PyDict configDict)
                {
                    ConfigMerge.Apply(node.Config, configDict);
                }

                foreach (var key in (string[])["tags", "meta", "loaded_at_field", "freshness", "quoting"])
                {
                    if (level.TryGetValue(key, out var value) && value is not null)
                    {
                        ConfigMerge.Apply(node.Config, key, value);
                    }
                }
            }

            node.Database = RenderValue(definition.Source.TryGetValue("database", out var db) ? db : null, definition.File, definition.Package) ?? context.Target.Database;
            node.Schema = RenderValue(definition.Source.TryGetValue("schema", out var schema) ? schema : null, definition.File, definition.Package) ?? sourceName;
            node.Identifier = RenderValue(definition.Table.TryGetValue("identifier", out var identifier) ? identifier : null, definition.File, definition.Package) ?? tableName;
            node.Alias = node.Identifier;
            node.Description = definition.Table.TryGetValue("description", out var d) && d is not null
                ? RenderDescription(PyOps.ToStr(d), definition.File) : string.Empty;
            yield return node;
        }
    }

    /// <summary>Renders a source property; var() sees the vars of the package that declares the source, then the root's.</summary>
    private string? RenderValue(object? value, string file, string package)
    {
        if (value is null)
        {
            return null;
        }

        var text = PyOps.ToStr(value);
        if (!text.Contains("{{", StringComparison.Ordinal) && !text.Contains("{%", StringComparison.Ordinal))
        {
            return text;
        }

        try
        {
            var output = new StringBuilder();
            parser.Env.FromString(text, file).RenderTo(output, null, (string name, out object? v) =>
            {
                if (name == "var")
                {
                    v = context.VarFunction(package);
                    return true;
                }

                return context.Shared.TryGetValue(name, out v);
            });
            return output.ToString().Trim();
        }
        catch (TemplateException e)
        {
            parser.ReportTemplateError(e, file, "source property");
            return text;
        }
    }

    public IEnumerable<ManifestNode> BuildGenericTests(List<ManifestNode> nodes, ProjectFile root, ProjectContext projectContext)
    {
        var tests = new List<ManifestNode>();
        foreach (var patch in _patches)
        {
            foreach (var target in patch.AppliedTo)
            {
                var body = _bodyOf[target]; // a version's own body: its tests and columns
                AddTests(tests, patch.Package, patch.File, patch.Folders, target, body, columnName: null, root, projectContext);
                if (body.TryGetValue("columns", out var columns) && columns is List<object?> list)
                {
                    foreach (var column in list.OfType<PyDict>())
                    {
                        AddTests(tests, patch.Package, patch.File, patch.Folders, target, column, PyOps.ToStr(column["name"]), root, projectContext);
                    }
                }
            }
        }

        var sources = nodes.Where(n => n.ResourceType == "source").ToDictionary(n => n.UniqueId, StringComparer.Ordinal);
        foreach (var definition in _sources)
        {
            var id = $"source.{definition.Package}.{PyOps.ToStr(definition.Source["name"])}.{PyOps.ToStr(definition.Table["name"])}";
            var source = sources[id];
            AddTests(tests, definition.Package, definition.File, definition.Folders, source, definition.Table, null, root, projectContext);
            if (definition.Table.TryGetValue("columns", out var columns) && columns is List<object?> list)
            {
                foreach (var column in list.OfType<PyDict>())
                {
                    AddTests(tests, definition.Package, definition.File, definition.Folders, source, column, PyOps.ToStr(column["name"]), root, projectContext);
                }
            }
        }

        return tests;
    }

    private void AddTests(
        List<ManifestNode> tests, string package, string file, IReadOnlyList<string> folders, ManifestNode target, PyDict owner, string? columnName, ProjectFile root, ProjectContext projectContext)
    {
        var definitions = new List<object?>();
        foreach (var key in (string[])["data_tests", "tests"])
        {
            if (owner.TryGetValue(key, out var value) && value is List<object?> list)
            {
                definitions.AddRange(list);
            }
        }

        foreach (var definition in definitions)
        {
            var test = BuildTest(package, file, folders, target, definition, columnName, root, projectContext);
            if (test is not null)
            {
                tests.Add(test);
            }
        }
    }

    private ManifestNode? BuildTest(
        string package, string file, IReadOnlyList<string> folders, ManifestNode target, object? definition, string? columnName, ProjectFile root, ProjectContext projectContext)
    {
        string testName;
        var args = new PyDict();
        string? customName = null;
        switch (definition)
        {
            case string s:
                testName = s;
                break;
            case PyDict dict when dict.Count == 1 && dict.First().Value is PyDict or null && dict.First().Key is string:
                testName = (string)dict.First().Key!;
                if (dict.First().Value is PyDict a)
                {
                    args = new PyDict(a);
                }

                break;
            case PyDict dict when dict.TryGetValue("test_name", out var tn) && tn is string named:
                testName = named;
                args = new PyDict(dict);
                args.Remove("test_name", out _);
                break;
            default:
                parser.Report(Diagnostic.Error(DiagnosticCodes.YamlShape,
                    $"a test on '{target.Name}' must be a name or a mapping of one name to its arguments", SourceLocation.InFile(file)));
                return null;
        }

        if (args.Remove("name", out var explicitName) && explicitName is not null)
        {
            customName = PyOps.ToStr(explicitName);
        }

        var config = new PyDict();
        if (args.Remove("config", out var configValue) && configValue is PyDict configDict)
        {
            ConfigMerge.Apply(config, configDict);
        }

        foreach (var key in TestConfigKeys)
        {
            if (args.Remove(key, out var value))
            {
                ConfigMerge.Apply(config, key, value);
            }
        }

        if (args.TryGetValue("arguments", out var nested) && nested is PyDict nestedArgs)
        {
            args.Remove("arguments", out _);
            foreach (var (k, v) in nestedArgs)
            {
                args[k] = v;
            }
        }

        string? ns = null;
        var shortName = testName;
        var dot = testName.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            ns = testName[..dot];
            shortName = testName[(dot + 1)..];
        }

        if (columnName is not null)
        {
            args["column_name"] = columnName;
        }

        var isSource = target.ResourceType == "source";
        var targetName = isSource ? $"{target.SourceName}_{target.Name}"
            : target.Version is null ? target.Name : $"{target.Name}_v{VersionText(target.Version)}";
        var name = customName ?? SynthesizeName(ns is null ? shortName : $"{ns}_{shortName}", targetName, args, isSource);
        var fqn = new List<string> { package };
        fqn.AddRange(folders);
        fqn.Add(name);
        var node = new ManifestNode
        {
            UniqueId = $"test.{package}.{name}.{Hash(file + "|" + name + "|" + PyOps.Repr(args))}",
            ResourceType = "test",
            PackageName = package,
            Name = name,
            Path = name + ".sql",
            OriginalFilePath = file,
            Fqn = fqn,
            RawCode = $"{{{{ test_{shortName}(**_dbt_generic_test_kwargs) }}}}",
            AttachedNode = target.UniqueId,
            ColumnName = columnName,
            PatchPath = file,
        };
        node.Config["enabled"] = true;
        node.Config["materialized"] = "test";
        node.Config["severity"] = "ERROR";
        root.DataTests.ApplyTo(node.Config, fqn);
        ConfigMerge.Apply(node.Config, config);
        if (!target.IsEnabled)
        {
            node.Config["enabled"] = false;
        }

        var kwargs = new PyDict(args);
        kwargs["model"] = isSource
            ? $"{{{{ get_where_subquery(source('{target.SourceName}', '{target.Name}')) }}}}"
            : target.Version is null ? $"{{{{ get_where_subquery(ref('{target.Name}')) }}}}"
            : $"{{{{ get_where_subquery(ref('{target.Name}', version={PyOps.Repr(target.Version)})) }}}}";
        node.TestMetadata = new TestMetadata(shortName, ns, kwargs);
        if (isSource)
        {
            node.Sources.Add((target.SourceName!, target.Name));
        }
        else
        {
            node.Refs.Add(new RefCall(target.PackageName, target.Name, target.Version));
        }

        // Arguments may call ref() (relationships' `to: ref('x')`): render them to record the dependency.
        foreach (var (_, value) in args)
        {
            // dbt evaluates `to: ref('x')` as an expression, and renders strings holding Jinja.
            var text = value is string raw && (raw.StartsWith("ref(", StringComparison.Ordinal) || raw.StartsWith("source(", StringComparison.Ordinal))
                ? "{{ " + raw + " }}"
                : value as string;
            if (text is not null && text.Contains("{{", StringComparison.Ordinal))
            {
                var parse = new ParseContext(projectContext, node);
                try
                {
                    parser.Env.FromString(text, file).RenderTo(new StringBuilder(), null, parse.Resolver);
                }
                catch (TemplateException e)
                {
                    parser.ReportTemplateError(e, file, $"test '{name}'");
                }
            }
        }

        var macroNamespace = ns ?? (projectContext.Macros.Of(package).ContainsKey("test_" + shortName) ? package
            : projectContext.Macros.Of(context.Root.Name).ContainsKey("test_" + shortName) ? context.Root.Name : MacroRegistry.InternalPackage);
        node.DependsOnMacros.Add($"macro.{macroNamespace}.test_{shortName}");
        return node;
    }

    /// <summary>dbt's generic test naming: test, target, then the flattened argument values; hashed past 64 characters.</summary>
    private static string SynthesizeName(string testIdentifier, string targetName, PyDict args, bool isSource)
    {
        var flat = new List<string>();
        foreach (var key in args.KeysList().Select(k => PyOps.ToStr(k)).Order(StringComparer.Ordinal))
        {
            if (key == "model")
            {
                continue;
            }

            var value = args[key];
            IEnumerable<object?> parts = value switch
            {
                PyDict d => d.Select(p => p.Value),
                List<object?> l => l,
                PyTuple t => t,
                _ => [value],
            };
            flat.AddRange(parts.Select(p => Unsafe().Replace(PyOps.ToStr(p), "_")));
        }

        var prefix = isSource ? "source_" + testIdentifier : testIdentifier;
        var fullName = $"{prefix}_{targetName}_{string.Join("__", flat)}";
        if (fullName.Length < 64)
        {
            return fullName;
        }

        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(fullName)));
        return $"{prefix[..Math.Min(prefix.Length, 30)]}_{hash}";
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)))[..10];

    [GeneratedRegex("[^0-9a-zA-Z_]+")]
    private static partial Regex Unsafe();
}
