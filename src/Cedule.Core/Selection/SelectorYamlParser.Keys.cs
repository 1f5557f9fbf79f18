using System.Globalization;
using System.Numerics;
using Cedule.Core.Yaml;

namespace Cedule.Core.Selection;

// The graph-operator and indirect-selection keys of a full method definition.
internal sealed partial class SelectorYamlParser
{
    private bool? Flag(YamlMapping mapping, string key)
    {
        if (mapping[key] is not { } node)
        {
            return false;
        }

        if (node is YamlScalar scalar && YamlValues.Resolve(scalar) is bool value)
        {
            return value;
        }

        Error(node, $"'{key}' must be true or false");
        return null;
    }

    // null: absent; -1: invalid (reported).
    private int? Depth(YamlMapping mapping, string key)
    {
        if (mapping[key] is not { } node)
        {
            return null;
        }

        var value = node is YamlScalar scalar ? YamlValues.Resolve(scalar) : null;
        // YamlValues hands integers back as long or BigInteger; both are accepted.
        BigInteger? number = value switch { long l => l, BigInteger b => b, _ => null };
        if (number is { } n && n >= 0 && n <= int.MaxValue)
        {
            return (int)n;
        }

        if (value is string text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        Error(node, $"'{key}' must be a non-negative whole number");
        return -1;
    }

    // null: absent; -1: invalid (reported); otherwise the IndirectSelection value.
    private int? Mode(YamlMapping mapping)
    {
        if (mapping["indirect_selection"] is not { } node)
        {
            return null;
        }

        var text = node is YamlScalar scalar ? scalar.Text : string.Empty;
        foreach (var mode in Enum.GetValues<IndirectSelection>())
        {
            if (string.Equals(mode.ToString().ToLowerInvariant(), text, StringComparison.Ordinal))
            {
                return (int)mode;
            }
        }

        Error(node, $"'indirect_selection' must be one of eager, cautious, buildable, empty, not '{text}'");
        return -1;
    }
}
