using System.Text;
using Cedule.Core.Configs;
using Cedule.Core.Context;
using Cedule.Core.Manifest;
using Cedule.Core.Project;
using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Parsing;

internal sealed partial class PropertyFiles
{
    /// <summary>
    /// Exposure nodes (a dashboard, a report): what they depend on is written as
    /// <c>depends_on: [ref('x'), source('s', 't')]</c> and evaluated like a test's <c>to:</c>.
    /// </summary>
    public IEnumerable<ManifestNode> BuildExposures(ProjectFile root, ProjectContext projectContext)
    {
        foreach (var definition in _exposures)
        {
            var name = PyOps.ToStr(definition.Body["name"]);
            var fqn = new List<string> { definition.Package };
            fqn.AddRange(definition.Folders);
            fqn.Add(name);
            var node = new ManifestNode
            {
                UniqueId = $"exposure.{definition.Package}.{name}",
                ResourceType = "exposure",
                PackageName = definition.Package,
                Name = name,
                Path = definition.File,
                OriginalFilePath = definition.File,
                Fqn = fqn,
                PatchPath = definition.File,
            };
            node.Config["enabled"] = true;
            root.Exposures.ApplyTo(node.Config, fqn);
            foreach (var key in (string[])["tags", "meta", "type", "maturity", "url", "label"])
            {
                if (definition.Body.TryGetValue(key, out var value) && value is not null)
                {
                    ConfigMerge.Apply(node.Config, key, value);
                }
            }

            if (definition.Body.TryGetValue("config", out var config) && config is PyDict configDict)
            {
                ConfigMerge.Apply(node.Config, configDict);
            }

            if (definition.Body.TryGetValue("owner", out var owner) && owner is not null)
            {
                node.Config["owner"] = owner;
            }

            node.Description = definition.Body.TryGetValue("description", out var d) && d is not null
                ? RenderDescription(PyOps.ToStr(d), definition.File) : string.Empty;
            if (definition.Body.TryGetValue("depends_on", out var dependsOn) && dependsOn is List<object?> list)
            {
                var parse = new ParseContext(projectContext, node);
                foreach (var dependency in list)
                {
                    var text = PyOps.ToStr(dependency).Trim();
                    try
                    {
                        parser.Env.FromString(text.Contains("{{", StringComparison.Ordinal) ? text : "{{ " + text + " }}", definition.File)
                            .RenderTo(new StringBuilder(), null, parse.Resolver);
                    }
                    catch (TemplateException e)
                    {
                        parser.ReportTemplateError(e, definition.File, $"exposure '{name}'");
                    }
                }
            }

            yield return node;
        }
    }
}
