using Cedule.Jinja.Values;

namespace Cedule.Core.Configs;

/// <summary>
/// dbt's rules for combining a less specific config with a more specific one: most keys are
/// clobbered; <c>tags</c>, <c>pre_hook</c> and <c>post_hook</c> are appended; <c>meta</c>,
/// <c>quoting</c>, <c>column_types</c>, <c>persist_docs</c>, <c>docs</c>, <c>contract</c> and
/// <c>freshness</c> are merged key by key; <c>grants</c> are clobbered per privilege unless the
/// privilege is written <c>+select</c>, which appends grantees.
/// </summary>
public static class ConfigMerge
{
    private static readonly HashSet<string> AppendKeys = new(StringComparer.Ordinal) { "tags", "pre_hook", "post_hook" };

    private static readonly HashSet<string> UpdateKeys = new(StringComparer.Ordinal)
    {
        "meta", "quoting", "column_types", "persist_docs", "docs", "contract", "freshness",
    };

    /// <summary>
    /// The name dbt uses internally for a config key: <c>pre-hook</c> becomes <c>pre_hook</c>,
    /// <c>post-hook</c> becomes <c>post_hook</c>, a leading <c>+</c> and surrounding spaces go.
    /// </summary>
    public static string NormalizeKey(string key)
    {
        var name = key.StartsWith('+') ? key[1..].Trim() : key.Trim();
        return name switch
        {
            "pre-hook" => "pre_hook",
            "post-hook" => "post_hook",
            _ => name,
        };
    }

    /// <summary>Applies <paramref name="specific"/> over <paramref name="config"/> in place.</summary>
    public static void Apply(PyDict config, PyDict specific)
    {
        foreach (var (rawKey, value) in specific)
        {
            if (rawKey is not string keyText)
            {
                continue;
            }

            var key = NormalizeKey(keyText);
            Apply(config, key, value);
        }
    }

    /// <summary>Applies one key over <paramref name="config"/> in place.</summary>
    public static void Apply(PyDict config, string key, object? value)
    {
        if (AppendKeys.Contains(key))
        {
            var list = config.TryGetValue(key, out var existing) ? AsList(existing, key) : [];
            foreach (var item in AsList(value, key))
            {
                // Tags are a set in dbt; hooks keep every occurrence, in order.
                if (key != "tags" || !list.Exists(t => PyOps.Equals(t, item)))
                {
                    list.Add(item);
                }
            }

            config[key] = list;
        }
        else if (UpdateKeys.Contains(key) && value is PyDict update)
        {
            var merged = config.TryGetValue(key, out var existing) && existing is PyDict current ? new PyDict(current) : new PyDict();
            foreach (var (k, v) in update)
            {
                merged[k] = v;
            }

            config[key] = merged;
        }
        else if (key == "grants" && value is PyDict grants)
        {
            config[key] = MergeGrants(config.TryGetValue(key, out var existing) ? existing as PyDict : null, grants);
        }
        else
        {
            config[key] = value;
        }
    }

    /// <summary>A config value that may be one item or a list, as a new list (<c>tags: a</c> is <c>['a']</c>; None is empty).</summary>
    public static List<object?> AsList(object? value, string key)
    {
        _ = key;
        return value switch
        {
            null => [],
            List<object?> list => [.. list],
            PyTuple tuple => [.. tuple],
            _ => [value],
        };
    }

    private static PyDict MergeGrants(PyDict? current, PyDict specific)
    {
        var merged = current is null ? new PyDict() : new PyDict(current);
        foreach (var (k, v) in specific)
        {
            if (k is string privilege && privilege.StartsWith('+'))
            {
                var name = privilege[1..];
                var list = merged.TryGetValue(name, out var existing) ? AsList(existing, name) : [];
                list.AddRange(AsList(v, name));
                merged[name] = list;
            }
            else
            {
                merged[k] = v;
            }
        }

        return merged;
    }
}
