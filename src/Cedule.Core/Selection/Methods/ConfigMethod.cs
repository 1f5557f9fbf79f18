using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Cedule.Core.Graph;
using Cedule.Jinja.Values;

namespace Cedule.Core.Selection.Methods;

/// <summary>
/// <c>config.key[.nested…]:value</c> (dbt-core 1.9 <c>ConfigSelectorMethod</c>): descends into
/// the resolved config of models, seeds, snapshots, tests, analyses and sources; a list matches
/// when it contains the value; <c>true</c>/<c>false</c> in any case match booleans;
/// <c>config.severity</c> compares without case. Anything else is Python equality, so
/// <c>config.meta.priority:1</c> does not match the integer 1 from the command line (a value
/// written in selectors.yml keeps its YAML type and does).
/// </summary>
internal sealed class ConfigMethod : ISelectorMethod
{
    public string Name => "config";

    public bool TryCreateMatcher(SelectorMethodInput input, [NotNullWhen(true)] out Func<GraphNode, bool>? matcher, [NotNullWhen(false)] out string? error)
    {
        if (input.Arguments.Count == 0)
        {
            // dbt compares the value with the whole config and silently selects nothing.
            matcher = null;
            error = "the 'config' method needs a config key, as in config.materialized:table";
            return false;
        }

        var keys = input.Arguments;
        var selector = input.Value;
        var upper = input.Text.ToUpperInvariant();
        var caseInsensitive = keys.Count == 1 && string.Equals(keys[0], "severity", StringComparison.Ordinal);
        matcher = node =>
        {
            if (!NodeKinds.IsConfigurable(node.ResourceType) || !TryDescend(node.Config, keys, out var value))
            {
                return false;
            }

            if (value is IList list)
            {
                foreach (var item in list)
                {
                    if (Same(selector, upper, caseInsensitive, item))
                    {
                        return true;
                    }
                }

                return (upper == "TRUE" && Contains(list, true)) || (upper == "FALSE" && Contains(list, false));
            }

            return Same(selector, upper, caseInsensitive, value)
                || (upper == "TRUE" && value is true)
                || (upper == "FALSE" && value is false);
        };
        error = null;
        return true;
    }

    private static bool Same(object? selector, string upper, bool caseInsensitive, object? value) =>
        caseInsensitive
            ? value is string text && string.Equals(text.ToUpperInvariant(), upper, StringComparison.Ordinal)
            : PyOps.Equals(selector, value);

    private static bool Contains(IList list, bool wanted)
    {
        foreach (var item in list)
        {
            if (PyOps.Equals(item, wanted))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryDescend(object? config, IReadOnlyList<string> keys, out object? value)
    {
        value = config;
        foreach (var key in keys)
        {
            switch (value)
            {
                case IReadOnlyDictionary<string, object?> readOnly when readOnly.TryGetValue(key, out var next):
                    value = next;
                    break;
                case IDictionary<string, object?> dictionary when dictionary.TryGetValue(key, out var next):
                    value = next;
                    break;
                case PyDict dict when dict.TryGetValue(key, out var next):
                    value = next;
                    break;
                case IDictionary untyped when untyped.Contains(key):
                    value = untyped[key];
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
