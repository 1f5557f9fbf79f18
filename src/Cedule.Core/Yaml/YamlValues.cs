using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Cedule.Jinja.Values;

namespace Cedule.Core.Yaml;

/// <summary>
/// Turns YAML nodes into template values the way dbt's YAML loader (PyYAML's safe loader, YAML
/// 1.1 rules) does: <c>yes</c>/<c>on</c> are booleans, <c>1e3</c> without a dot stays a string,
/// <c>~</c> is None, mappings become ordered dicts.
/// </summary>
public static partial class YamlValues
{
    /// <summary>Converts a node (null for an empty document) to a template value.</summary>
    public static object? ToValue(YamlNode? node) => node switch
    {
        null => null,
        YamlScalar scalar => Resolve(scalar),
        YamlSequence sequence => ToList(sequence),
        YamlMapping mapping => ToDict(mapping),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    /// <summary>Converts a mapping to an ordered dict; a repeated key keeps its first position and its last value, as in Python.</summary>
    public static PyDict ToDict(YamlMapping mapping)
    {
        var dict = new PyDict(mapping.Entries.Count);
        foreach (var (key, value) in mapping.Entries)
        {
            dict[Resolve(key)] = ToValue(value);
        }

        return dict;
    }

    private static List<object?> ToList(YamlSequence sequence)
    {
        var list = new List<object?>(sequence.Items.Count);
        foreach (var item in sequence.Items)
        {
            list.Add(ToValue(item));
        }

        return list;
    }

    /// <summary>Resolves a scalar to None, bool, int, float or str by PyYAML's implicit resolvers.</summary>
    public static object? Resolve(YamlScalar scalar)
    {
        var text = scalar.Text;
        switch (scalar.Tag)
        {
            case "tag:yaml.org,2002:str" or "!!str":
                return text;
            case "tag:yaml.org,2002:int" or "!!int":
                return ParseInt(text) ?? throw new FormatException($"'{text}' is not an integer");
            case "tag:yaml.org,2002:float" or "!!float":
                return (object?)ParseFloat(text) ?? throw new FormatException($"'{text}' is not a float");
            case "tag:yaml.org,2002:bool" or "!!bool":
                return ParseBool(text) ?? throw new FormatException($"'{text}' is not a boolean");
            case "tag:yaml.org,2002:null" or "!!null":
                return null;
        }

        if (scalar.IsQuoted)
        {
            return text;
        }

        if (text.Length == 0 || text is "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        return ParseBool(text) ?? ParseInt(text) ?? (object?)ParseFloat(text) ?? text;
    }

    private static object? ParseBool(string text) => text switch
    {
        "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON" => true,
        "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF" => false,
        _ => null,
    };

    // Returns a long, or a BigInteger past long's range: Python ints are unbounded.
#pragma warning disable CA1859 // the boxed result is the point: long or BigInteger
    private static object? ParseInt(string text)
    {
        if (!IntPattern().IsMatch(text))
        {
            return null;
        }

        var clean = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var negative = clean.StartsWith('-');
        var body = clean.TrimStart('+', '-');
        BigInteger value;
        if (body.StartsWith("0b", StringComparison.Ordinal))
        {
            value = 0;
            foreach (var c in body.AsSpan(2))
            {
                value = (value * 2) + (c - '0');
            }
        }
        else if (body.StartsWith("0x", StringComparison.Ordinal))
        {
            value = BigInteger.Parse("0" + body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }
        else if (body.Length > 1 && body[0] == '0')
        {
            // YAML 1.1: a leading zero means octal.
            value = 0;
            foreach (var c in body.AsSpan(1))
            {
                value = (value * 8) + (c - '0');
            }
        }
        else if (body.Contains(':', StringComparison.Ordinal))
        {
            // YAML 1.1 sexagesimal: 1:30 is 90.
            value = 0;
            foreach (var part in body.Split(':'))
            {
                value = (value * 60) + BigInteger.Parse(part, CultureInfo.InvariantCulture);
            }
        }
        else
        {
            value = BigInteger.Parse(body, CultureInfo.InvariantCulture);
        }

        if (negative)
        {
            value = -value;
        }

        return value >= long.MinValue && value <= long.MaxValue ? (object)(long)value : value;
    }
#pragma warning restore CA1859

    private static double? ParseFloat(string text)
    {
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF":
                return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN":
                return double.NaN;
        }

        if (!FloatPattern().IsMatch(text))
        {
            return null;
        }

        var clean = text.Replace("_", string.Empty, StringComparison.Ordinal);
        return double.Parse(clean, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    // PyYAML's int resolver (YAML 1.1), without the sexagesimal base-60 float form.
    [GeneratedRegex(@"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$")]
    private static partial Regex IntPattern();

    // PyYAML's float resolver: a dot is required (1e3 stays a string).
    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?)$")]
    private static partial Regex FloatPattern();
}
