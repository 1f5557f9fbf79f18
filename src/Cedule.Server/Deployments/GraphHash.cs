using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Cedule.Server.Deployments;

/// <summary>
/// A fingerprint of a manifest's node graph: SHA-256 over the sorted lines
/// <c>unique_id TAB dependency,dependency… LF</c> of its <c>nodes</c>. An agent that parses the
/// same bundle computes the same value from its own manifest, which is how it checks that it runs
/// what the server scheduled.
/// </summary>
public static class GraphHash
{
    /// <summary>The hash of <paramref name="manifestJson"/>'s graph, in lowercase hex.</summary>
    public static string Compute(string manifestJson)
    {
        using var document = JsonDocument.Parse(manifestJson);
        var lines = new List<string>();
        if (document.RootElement.TryGetProperty("nodes", out var nodes))
        {
            foreach (var node in nodes.EnumerateObject())
            {
                var dependencies = new List<string>();
                if (node.Value.TryGetProperty("depends_on", out var dependsOn) && dependsOn.TryGetProperty("nodes", out var list))
                {
                    dependencies.AddRange(list.EnumerateArray().Select(d => d.GetString() ?? string.Empty));
                }

                dependencies.Sort(StringComparer.Ordinal);
                lines.Add($"{node.Name}\t{string.Join(',', dependencies)}\n");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(lines))));
    }
}
