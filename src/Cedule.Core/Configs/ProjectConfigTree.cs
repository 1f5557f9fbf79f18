using Cedule.Jinja.Values;

namespace Cedule.Core.Configs;

/// <summary>
/// One resource section of a <c>dbt_project.yml</c> (<c>models:</c>, <c>seeds:</c>,
/// <c>snapshots:</c>, <c>data_tests:</c>, <c>sources:</c>…): nested folder keys down to a node,
/// with configs at every level. As in dbt, a key written <c>+key</c> is always a config; a key
/// without <c>+</c> is a config when its value is not a mapping and a sub-folder (or node name)
/// when it is, which is why dictionary configs such as <c>meta</c> need the <c>+</c>.
/// </summary>
public sealed class ProjectConfigTree
{
    /// <summary>An empty tree (the section is absent).</summary>
    public static ProjectConfigTree Empty { get; } = new(new PyDict());

    private readonly PyDict _root;

    /// <summary>Wraps a section's value (a dict; anything else is treated as empty).</summary>
    public ProjectConfigTree(object? section) => _root = section as PyDict ?? new PyDict();

    /// <summary>
    /// The configs that apply along <paramref name="fqn"/> (package name, folders, node name), from
    /// the least specific (the section's top level) to the most specific, each as a dict of
    /// normalized keys.
    /// </summary>
    public IEnumerable<PyDict> LevelsFor(IReadOnlyList<string> fqn)
    {
        var level = _root;
        yield return ConfigsOf(level);
        foreach (var part in fqn)
        {
            if (!level.TryGetValue(part, out var child) || child is not PyDict childLevel)
            {
                yield break;
            }

            level = childLevel;
            yield return ConfigsOf(level);
        }
    }

    /// <summary>Applies every level along <paramref name="fqn"/> onto <paramref name="config"/>, least specific first.</summary>
    public void ApplyTo(PyDict config, IReadOnlyList<string> fqn)
    {
        foreach (var level in LevelsFor(fqn))
        {
            ConfigMerge.Apply(config, level);
        }
    }

    /// <summary>
    /// Every folder (or node) path the tree names, from the package level down, such as
    /// <c>[core, staging]</c>: the keys without <c>+</c> whose values are mappings.
    /// </summary>
    public IEnumerable<IReadOnlyList<string>> Paths()
    {
        var stack = new Stack<(PyDict Level, string[] Path)>();
        stack.Push((_root, []));
        while (stack.Count > 0)
        {
            var (level, path) = stack.Pop();
            foreach (var (key, value) in level)
            {
                if (key is string name && !name.StartsWith('+') && value is PyDict child)
                {
                    string[] childPath = [.. path, name];
                    yield return childPath;
                    stack.Push((child, childPath));
                }
            }
        }
    }

    private static PyDict ConfigsOf(PyDict level)
    {
        var configs = new PyDict();
        foreach (var (key, value) in level)
        {
            if (key is not string name)
            {
                continue;
            }

            if (name.StartsWith('+'))
            {
                configs[ConfigMerge.NormalizeKey(name)] = value;
            }
            else if (value is not PyDict)
            {
                configs[ConfigMerge.NormalizeKey(name)] = value;
            }
        }

        return configs;
    }
}
