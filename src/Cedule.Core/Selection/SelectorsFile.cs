using Cedule.Core.Context;
using Cedule.Core.Diagnostics;
using Cedule.Core.Yaml;
using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Selection;

/// <summary>
/// Reads a project's <c>selectors.yml</c> as dbt does: every string value holding Jinja is
/// rendered first, with <c>env_var()</c>, <c>var()</c> (command-line vars only: dbt renders this
/// file before the project's vars exist) and <c>target</c>, and its result read back as a YAML
/// value (<c>"{{ target.name == 'prod' }}"</c> becomes a boolean). A template error is reported at
/// the value's line and column, and the selector holding it is left out like any invalid one.
/// </summary>
public static class SelectorsFile
{
    /// <summary>The file's name, at the project's root.</summary>
    public const string FileName = "selectors.yml";

    /// <summary>Loads the selectors of the project in <paramref name="projectDir"/>; empty when it has no selectors.yml.</summary>
    /// <param name="projectDir">The project folder.</param>
    /// <param name="target">The target facts <c>target</c> shows.</param>
    /// <param name="vars">Command-line vars (<c>--vars</c>).</param>
    /// <param name="environment">What <c>env_var()</c> reads.</param>
    /// <param name="methods">Selection methods; the default registry when null.</param>
    public static SelectorDefinitions Load(
        string projectDir, TargetFacts target, PyDict vars, Func<string, string?> environment, SelectorMethodRegistry? methods = null)
    {
        var path = System.IO.Path.Combine(projectDir, FileName);
        return File.Exists(path)
            ? Parse(File.ReadAllText(path), FileName, target, vars, environment, methods)
            : SelectorDefinitions.Empty;
    }

    /// <summary>Renders and parses the text of a selectors.yml; <paramref name="path"/> is used in locations.</summary>
    public static SelectorDefinitions Parse(
        string text, string path, TargetFacts target, PyDict vars, Func<string, string?> environment, SelectorMethodRegistry? methods = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        YamlNode? root;
        try
        {
            root = YamlReader.Read(text, path);
        }
        catch (ProjectException e)
        {
            return SelectorDefinitions.FromYaml(null, path, methods).WithProblems(e.Diagnostics);
        }

        var env = new Jinja.Environment();
        env.AddGlobal("env_var", EnvVarFunction.Create(environment));
        env.AddGlobal("target", target.ToTargetDict());
        env.AddFunction("var", (_, args) =>
        {
            var name = PyOps.ToStr(args.Get(0, "name"));
            return vars.TryGetValue(name, out var value) ? value
                : args.Has(1, "default") ? args.Get(1, "default")
                : throw new TemplateException(ErrorKind.HostError, $"Required var '{name}' not found: pass it with --vars");
        });
        var problems = new List<Diagnostic>();
        YamlNode? rendered;
        if (root is YamlMapping mapping && mapping["selectors"] is YamlSequence selectors)
        {
            // Rendered selector by selector: one with a template error is left out, the others stay usable.
            var kept = new List<YamlNode>();
            foreach (var item in selectors.Items)
            {
                var before = problems.Count;
                var renderedItem = Render(item, env, path, problems)!;
                if (problems.Count == before)
                {
                    kept.Add(renderedItem);
                }
            }

            rendered = new YamlMapping(
                [.. mapping.Entries.Select(e => e.Key.Text == "selectors" ? new KeyValuePair<YamlScalar, YamlNode>(e.Key, new YamlSequence(kept, selectors.Location)) : e)],
                mapping.Location);
        }
        else
        {
            rendered = Render(root, env, path, problems);
        }

        return SelectorDefinitions.FromYaml(rendered, path, methods).WithProblems(problems);
    }

    private static YamlNode? Render(YamlNode? node, Jinja.Environment env, string path, List<Diagnostic> problems)
    {
        switch (node)
        {
            case YamlScalar scalar when scalar.Text.Contains("{{", StringComparison.Ordinal) || scalar.Text.Contains("{%", StringComparison.Ordinal):
                try
                {
                    // Read back as an unquoted YAML value: dbt renders this file natively.
                    return new YamlScalar(env.FromString(scalar.Text, path).Render().Trim(), isQuoted: false, tag: null, scalar.Location);
                }
                catch (TemplateException e)
                {
                    problems.Add(Diagnostic.Error(DiagnosticCodes.SelectorDefinition,
                        $"this value's template fails ({e.Kind}: {e.Detail}); the selector holding it is left out", scalar.Location));
                    return scalar;
                }

            case YamlSequence sequence:
                return new YamlSequence([.. sequence.Items.Select(i => Render(i, env, path, problems)!)], sequence.Location);
            case YamlMapping mapping:
                return new YamlMapping(
                    [.. mapping.Entries.Select(e => new KeyValuePair<YamlScalar, YamlNode>(e.Key, Render(e.Value, env, path, problems)!))],
                    mapping.Location);
            default:
                return node;
        }
    }
}
