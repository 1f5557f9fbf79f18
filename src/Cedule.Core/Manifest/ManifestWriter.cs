using System.Text.Encodings.Web;
using System.Text.Json;
using Cedule.Core.Context;
using Cedule.Core.Parsing;
using Cedule.Jinja.Values;

namespace Cedule.Core.Manifest;

/// <summary>
/// Writes <c>target/manifest.json</c> in a shape close to dbt's v12 manifest: <c>metadata</c>,
/// <c>nodes</c>, <c>sources</c>, <c>macros</c>, <c>disabled</c>, <c>parent_map</c>,
/// <c>child_map</c>. Differences are listed in <c>docs/en/manifest.md</c>.
/// </summary>
public static class ManifestWriter
{
    /// <summary>Resource types that dbt's manifest keeps out of <c>nodes</c>, each in its own section.</summary>
    private static readonly (string Type, string Section)[] OwnSections =
    [
        ("source", "sources"), ("exposure", "exposures"), ("metric", "metrics"), ("semantic_model", "semantic_models"),
        ("saved_query", "saved_queries"), ("unit_test", "unit_tests"),
    ];

    /// <summary>Writes the manifest of <paramref name="result"/> to <paramref name="stream"/>.</summary>
    public static void Write(ParseResult result, TargetFacts target, Stream stream)
    {
        // Relaxed escaping keeps accented names and SQL quotes readable, as dbt's manifest does;
        // the file is data, never embedded in HTML.
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteStartObject("metadata");
        json.WriteString("dbt_schema_version", "https://schemas.getdbt.com/dbt/manifest/v12.json");
        json.WriteString("dbt_version", EngineInfo.DbtCompatibility + ".0");
        json.WriteString("generator", "cedule " + EngineInfo.Version);
        json.WriteString("project_name", result.Root.Name);
        json.WriteString("adapter_type", target.Type);
        json.WriteEndObject();

        var enabled = result.Nodes.Where(n => n.IsEnabled).ToList();
        json.WriteStartObject("nodes");
        foreach (var node in enabled.Where(n => !Array.Exists(OwnSections, s => s.Type == n.ResourceType)))
        {
            json.WritePropertyName(node.UniqueId);
            WriteNode(json, node);
            json.Flush(); // keeps the writer's buffer small on projects of thousands of nodes
        }

        json.WriteEndObject();
        foreach (var (type, section) in OwnSections)
        {
            json.WriteStartObject(section);
            foreach (var node in enabled.Where(n => n.ResourceType == type))
            {
                json.WritePropertyName(node.UniqueId);
                WriteNode(json, node);
            }

            json.WriteEndObject();
        }

        json.WriteStartObject("macros");
        foreach (var id in result.Macros)
        {
            var parts = id.Split('.', 3);
            json.WriteStartObject(id);
            json.WriteString("unique_id", id);
            json.WriteString("package_name", parts[1]);
            json.WriteString("name", parts[2]);
            json.WriteString("resource_type", "macro");
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartObject("disabled");
        foreach (var group in result.Nodes.Where(n => !n.IsEnabled).GroupBy(n => n.UniqueId, StringComparer.Ordinal))
        {
            json.WriteStartArray(group.Key);
            foreach (var node in group)
            {
                WriteNode(json, node);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        var children = enabled.ToDictionary(n => n.UniqueId, _ => new List<string>(), StringComparer.Ordinal);
        json.WriteStartObject("parent_map");
        foreach (var node in enabled)
        {
            json.WriteStartArray(node.UniqueId);
            foreach (var parent in node.DependsOnNodes)
            {
                json.WriteStringValue(parent);
                if (children.TryGetValue(parent, out var list))
                {
                    list.Add(node.UniqueId);
                }
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteStartObject("child_map");
        foreach (var (id, list) in children)
        {
            json.WriteStartArray(id);
            foreach (var child in list.Order(StringComparer.Ordinal))
            {
                json.WriteStringValue(child);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter json, ManifestNode node)
    {
        json.WriteStartObject();
        json.WriteString("unique_id", node.UniqueId);
        json.WriteString("resource_type", node.ResourceType);
        json.WriteString("package_name", node.PackageName);
        json.WriteString("name", node.Name);
        json.WriteString("path", node.Path);
        json.WriteString("original_file_path", node.OriginalFilePath);
        json.WriteStartArray("fqn");
        foreach (var part in node.Fqn)
        {
            json.WriteStringValue(part);
        }

        json.WriteEndArray();
        json.WriteString("database", node.Database);
        json.WriteString("schema", node.Schema);
        json.WriteString("alias", node.Alias);
        if (node.SourceName is not null)
        {
            json.WriteString("source_name", node.SourceName);
            json.WriteString("identifier", node.Identifier);
        }

        if (node.ResourceType == "model")
        {
            json.WritePropertyName("version");
            WriteValue(json, node.Version);
            json.WritePropertyName("latest_version");
            WriteValue(json, node.LatestVersion);
        }

        json.WriteString("description", node.Description);
        json.WritePropertyName("config");
        WriteValue(json, node.Config);
        json.WriteStartArray("tags");
        foreach (var tag in node.Tags)
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();
        json.WritePropertyName("columns");
        WriteValue(json, node.Columns);
        json.WriteString("raw_code", node.RawCode);
        json.WriteString("language", "sql");
        json.WriteStartObject("depends_on");
        json.WriteStartArray("macros");
        foreach (var macro in node.DependsOnMacros)
        {
            json.WriteStringValue(macro);
        }

        json.WriteEndArray();
        json.WriteStartArray("nodes");
        foreach (var dependency in node.DependsOnNodes)
        {
            json.WriteStringValue(dependency);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray("refs");
        foreach (var call in node.Refs)
        {
            json.WriteStartObject();
            json.WriteString("name", call.Name);
            json.WriteString("package", call.Package);
            json.WritePropertyName("version");
            WriteValue(json, call.Version);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("sources");
        foreach (var (source, table) in node.Sources)
        {
            json.WriteStartArray();
            json.WriteStringValue(source);
            json.WriteStringValue(table);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteString("patch_path", node.PatchPath);
        foreach (var (key, value) in node.Properties)
        {
            json.WritePropertyName(PyOps.ToStr(key));
            WriteValue(json, value);
        }

        if (node.TestMetadata is { } test)
        {
            json.WriteStartObject("test_metadata");
            json.WriteString("name", test.Name);
            json.WriteString("namespace", test.Namespace);
            json.WritePropertyName("kwargs");
            WriteValue(json, test.Kwargs);
            json.WriteEndObject();
            json.WriteString("attached_node", node.AttachedNode);
            json.WriteString("column_name", node.ColumnName);
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, object? value) => JsonValues.Write(json, value);
}
