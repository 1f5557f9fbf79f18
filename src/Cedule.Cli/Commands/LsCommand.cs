using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cedule.Core.Diagnostics;
using Cedule.Core.Graph;
using Cedule.Core.Manifest;
using Cedule.Core.Selection;

namespace Cedule.Cli.Commands;

/// <summary><c>cedule ls</c>: lists the nodes a selection picks, as <c>dbt ls</c> does.</summary>
internal static class LsCommand
{
    public static Command Create()
    {
        var select = new Option<string[]>("--select", "-s") { Description = "Nodes to list (dbt selection syntax); several values are a union.", AllowMultipleArgumentsPerToken = true };
        var exclude = new Option<string[]>("--exclude") { Description = "Nodes to leave out.", AllowMultipleArgumentsPerToken = true };
        var selector = new Option<string?>("--selector") { Description = "A selector of selectors.yml." };
        var resourceType = new Option<string[]>("--resource-type") { Description = "Only these types (model, seed, snapshot, test, source, exposure, analysis, all, default).", AllowMultipleArgumentsPerToken = true };
        var excludeResourceType = new Option<string[]>("--exclude-resource-type") { Description = "Leave out these types.", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--output", "-o") { Description = "name, path, json or selector.", DefaultValueFactory = _ => "selector" };
        var command = new Command("ls", "List the nodes of the project that a selection picks, in graph order.")
        {
            select, exclude, selector, resourceType, excludeResourceType, output,
        };
        command.Aliases.Add("list");
        ProjectLoading.AddOptions(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var format = parse.GetValue(output)!;
            if (format is not ("name" or "path" or "json" or "selector"))
            {
                stderr.WriteLine($"cedule ls: --output must be name, path, json or selector, not '{format}'");
                return Task.FromResult(CeduleCommand.UsageError);
            }

            var loaded = ProjectLoading.Load(parse, stderr, cancellationToken);
            if (loaded is null)
            {
                return Task.FromResult(CeduleCommand.UsageError);
            }

            var (result, directory, target) = loaded.Value;
            var diagnostics = new List<Diagnostic>();
            var types = ResourceTypeArguments.Resolve(
                parse.GetValue(resourceType) ?? [], parse.GetValue(excludeResourceType) ?? [],
                ResourceTypeArguments.ListAll, ResourceTypeArguments.ListDefault, diagnostics);
            foreach (var diagnostic in diagnostics)
            {
                stderr.WriteLine(diagnostic.ToString());
            }

            var dag = ProjectGraph.Build(result);
            var selected = diagnostics.Any(d => d.Severity == Severity.Error) ? null
                : ProjectLoading.Select(ProjectLoading.Selectors(parse, directory, target), result, dag, parse.GetValue(select) ?? [], parse.GetValue(exclude) ?? [], parse.GetValue(selector), types, stderr);
            if (selected is null)
            {
                return Task.FromResult(CeduleCommand.UsageError);
            }

            var byId = result.EnabledNodes.ToDictionary(n => n.UniqueId, StringComparer.Ordinal);
            foreach (var id in selected)
            {
                var node = byId[id];
                stdout.WriteLine(format switch
                {
                    "name" => node.Name,
                    "path" => node.OriginalFilePath,
                    "json" => JsonSerializer.Serialize(new Dictionary<string, object?>
                    {
                        ["name"] = node.Name,
                        ["resource_type"] = node.ResourceType,
                        ["package_name"] = node.PackageName,
                        ["original_file_path"] = node.OriginalFilePath,
                        ["unique_id"] = node.UniqueId,
                        ["alias"] = node.Alias,
                        ["tags"] = node.Tags,
                        ["depends_on"] = new Dictionary<string, object?> { ["nodes"] = node.DependsOnNodes },
                    }, JsonOptions),
                    _ => Selector(node, dag[id]),
                });
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>dbt's selector output: the fqn joined by dots; sources as <c>source:pkg.source.table</c>.</summary>
    private static string Selector(ManifestNode node, GraphNode graphNode) => node.ResourceType switch
    {
        "source" => "source:" + string.Join('.', graphNode.Fqn),
        "exposure" => "exposure:" + string.Join('.', graphNode.Fqn),
        _ => string.Join('.', graphNode.Fqn),
    };
}
