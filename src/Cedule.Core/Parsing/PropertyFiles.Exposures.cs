using System.Text;
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
        foreach (var definition in _named.Where(d => d.ResourceType == "exposure"))
        {
            var node = NewResource(definition, [], ["tags", "meta", "type", "maturity", "url", "label"], root.Exposures);
            if (definition.Body.TryGetValue("owner", out var owner) && owner is not null)
            {
                node.Config["owner"] = owner;
            }

            if (definition.Body.TryGetValue("depends_on", out var dependsOn) && dependsOn is List<object?> list)
            {
                foreach (var dependency in list)
                {
                    EvaluateReference(node, PyOps.ToStr(dependency), definition.File, projectContext);
                }
            }

            yield return node;
        }
    }

    /// <summary>Records the ref() or source() that <paramref name="text"/> (<c>ref('x')</c> or <c>{{ ref('x') }}</c>) names, on <paramref name="node"/>.</summary>
    private void EvaluateReference(ManifestNode node, string text, string file, ProjectContext projectContext)
    {
        text = text.Trim();
        try
        {
            parser.Env.FromString(text.Contains("{{", StringComparison.Ordinal) ? text : "{{ " + text + " }}", file)
                .RenderTo(new StringBuilder(), null, new ParseContext(projectContext, node).Resolver);
        }
        catch (TemplateException e)
        {
            parser.ReportTemplateError(e, file, $"{node.ResourceType.Replace('_', ' ')} '{node.Name}'");
        }
    }
}
