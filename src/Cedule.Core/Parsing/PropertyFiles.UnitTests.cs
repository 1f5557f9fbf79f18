using Cedule.Core.Configs;
using Cedule.Core.Diagnostics;
using Cedule.Core.Manifest;
using Cedule.Jinja.Values;

namespace Cedule.Core.Parsing;

/// <summary>
/// Unit tests (dbt 1.8 <c>unit_tests:</c>): one node <c>unit_test.&lt;package&gt;.&lt;model&gt;.&lt;name&gt;</c>
/// per test, depending on the model it tests; on a versioned model, one per version kept by its
/// <c>versions: include/exclude</c>, named <c>&lt;name&gt;_v&lt;v&gt;</c>. Inputs are checked for shape
/// here; what they name is resolved when the test runs, as in dbt.
/// </summary>
internal sealed partial class PropertyFiles
{
    private static readonly string[] FixtureFormats = ["dict", "csv", "sql"];

    public IEnumerable<ManifestNode> BuildUnitTests(IReadOnlyList<ManifestNode> nodes)
    {
        var models = nodes.Where(n => n.ResourceType == "model").ToLookup(n => n.Name, StringComparer.Ordinal);
        foreach (var definition in _named.Where(d => d.ResourceType == "unit_test"))
        {
            var body = definition.Body;
            var name = PyOps.ToStr(body["name"]);
            if (!CheckUnitTest(definition, name))
            {
                continue;
            }

            var modelName = PyOps.ToStr(body["model"]);
            var candidates = models[modelName].ToList();
            var tested = candidates.Where(n => n.PackageName == definition.Package).ToList() is { Count: > 0 } own ? own : candidates;
            if (tested.Count == 0)
            {
                parser.Report(Diagnostic.Error(DiagnosticCodes.RefNotFound,
                    $"unit test '{name}' tests model '{modelName}', which was not found", definition.Location));
                continue;
            }

            foreach (var model in tested.Where(m => m.Version is null || KeepsVersion(body, m.Version)))
            {
                var suffix = model.Version is null ? string.Empty : "_v" + VersionText(model.Version);
                var fqn = new List<string> { definition.Package };
                fqn.AddRange(definition.Folders);
                fqn.Add(modelName);
                fqn.Add(name + suffix);
                var node = new ManifestNode
                {
                    UniqueId = $"unit_test.{definition.Package}.{modelName}.{name}{suffix}",
                    ResourceType = "unit_test",
                    PackageName = definition.Package,
                    Name = name + suffix,
                    Path = definition.File,
                    OriginalFilePath = definition.File,
                    Fqn = fqn,
                    PatchPath = definition.File,
                    Version = model.Version,
                };
                node.Config["enabled"] = model.IsEnabled;
                if (body.TryGetValue("config", out var config) && config is PyDict configDict)
                {
                    ConfigMerge.Apply(node.Config, configDict);
                }

                node.Description = body.TryGetValue("description", out var d) && d is not null ? RenderDescription(PyOps.ToStr(d), definition.File) : string.Empty;
                foreach (var key in (string[])["model", "given", "expect", "overrides", "versions"])
                {
                    node.Properties[key] = body.TryGetValue(key, out var value) ? value : null;
                }

                node.Refs.Add(new RefCall(model.PackageName, modelName, model.Version));
                yield return node;
            }
        }
    }

    /// <summary>dbt's required shape: a model, a list of given inputs (each with an input and a known format), an expected output.</summary>
    private bool CheckUnitTest(NamedDefinition definition, string name)
    {
        var body = definition.Body;
        string? problem = null;
        if (!body.TryGetValue("model", out var model) || model is not string)
        {
            problem = "needs 'model': the name of the model it tests";
        }
        else if (!body.TryGetValue("expect", out var expect) || expect is not PyDict)
        {
            problem = "needs 'expect' with the rows the model should return";
        }
        else if (body.TryGetValue("given", out var given) && given is not List<object?> and not null)
        {
            problem = "'given' must be a list of inputs";
        }
        else
        {
            var fixtures = (body.TryGetValue("given", out var g) && g is List<object?> list ? list : []).Append(body["expect"]);
            foreach (var fixture in fixtures)
            {
                var format = fixture is PyDict f && f.TryGetValue("format", out var fmt) && fmt is not null ? PyOps.ToStr(fmt) : "dict";
                if (fixture is not PyDict item || (!ReferenceEquals(fixture, body["expect"]) && (!item.TryGetValue("input", out var input) || input is not string)))
                {
                    problem = "each 'given' entry needs an 'input' such as ref('stg_orders') or source('raw', 'orders')";
                }
                else if (!FixtureFormats.Contains(format, StringComparer.Ordinal))
                {
                    problem = $"format '{format}' is not one of dict, csv or sql";
                }
            }
        }

        if (problem is not null)
        {
            parser.Report(Diagnostic.Error(DiagnosticCodes.YamlShape, $"unit test '{name}' {problem}", definition.Location));
        }

        return problem is null;
    }

    /// <summary>A unit test on a versioned model runs on every version unless <c>versions: include/exclude</c> says otherwise.</summary>
    private static bool KeepsVersion(PyDict body, object version)
    {
        if (!body.TryGetValue("versions", out var versions) || versions is not PyDict filter)
        {
            return true;
        }

        var text = VersionText(version);
        bool Lists(string key) => filter.TryGetValue(key, out var list) && list is List<object?> l && l.Exists(v => VersionText(v) == text);
        return filter.ContainsKey("include") ? Lists("include") : !Lists("exclude");
    }
}
