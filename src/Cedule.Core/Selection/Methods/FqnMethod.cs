using System.Diagnostics.CodeAnalysis;
using Cedule.Core.Graph;

namespace Cedule.Core.Selection.Methods;

/// <summary>
/// <c>fqn:</c>, the default method: the value is a dotted prefix of the node's fully qualified
/// name, with or without the package, where a segment with a wildcard matches the rest of the
/// name (dbt-core 1.9 <c>QualifiedNameSelectorMethod</c>). Sources are not searched.
/// </summary>
internal sealed class FqnMethod : ISelectorMethod
{
    public string Name => "fqn";

    public bool TryCreateMatcher(SelectorMethodInput input, [NotNullWhen(true)] out Func<GraphNode, bool>? matcher, [NotNullWhen(false)] out string? error)
    {
        var selector = input.Text;
        var parts = selector.Split('.');
        matcher = node => node.ResourceType != NodeType.Source
            && (IsSelected(node.Fqn, 0, selector, parts, node.IsVersioned) || IsSelected(node.Fqn, 1, selector, parts, node.IsVersioned));
        error = null;
        return true;
    }

    // dbt's is_selected_node over fqn[skip..]: skip = 1 matches across packages.
    internal static bool IsSelected(IReadOnlyList<string> fqn, int skip, string selector, string[] parts, bool isVersioned)
    {
        var count = fqn.Count - skip;
        if (count <= 0)
        {
            return false;
        }

        if (isVersioned && count >= 2)
        {
            if (string.Equals(fqn[^2], selector, StringComparison.Ordinal))
            {
                return true;
            }

            // A versioned model also answers to name_v2 and name.v2.
            var tail = parts.Length >= 2 ? $"{parts[^2]}_{parts[^1]}" : parts[^1];
            if (string.Equals($"{fqn[^2]}_{fqn[^1]}", tail, StringComparison.Ordinal))
            {
                return true;
            }
        }
        else if (!isVersioned && string.Equals(fqn[^1], selector, StringComparison.Ordinal))
        {
            return true;
        }

        // Dots inside fqn segments (versioned names, dotted model names) separate namespaces too;
        // most names have none, and then the fqn is used as it is, without allocating.
        IReadOnlyList<string> flat = fqn;
        var offset = skip;
        for (var i = skip; i < fqn.Count; i++)
        {
            if (fqn[i].Contains('.', StringComparison.Ordinal))
            {
                var split = new List<string>(count + 1);
                for (var k = skip; k < fqn.Count; k++)
                {
                    split.AddRange(fqn[k].Split('.'));
                }

                (flat, offset) = (split, 0);
                break;
            }
        }

        if (flat.Count - offset < parts.Length)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (Fnmatch.HasWildcard(parts[i]))
            {
                return Fnmatch.IsMatch(string.Join('.', flat.Skip(offset + i)), string.Join('.', parts.Skip(i)));
            }

            if (!string.Equals(flat[offset + i], parts[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
