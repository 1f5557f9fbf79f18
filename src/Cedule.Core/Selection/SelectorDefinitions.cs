using System.Diagnostics.CodeAnalysis;
using Cedule.Core.Diagnostics;
using Cedule.Core.Yaml;

namespace Cedule.Core.Selection;

/// <summary>
/// A project's selectors.yml, parsed and checked: every problem is reported with its file, line
/// and column, and a selector with a problem is left out. Jinja in the file (dbt renders it,
/// e.g. <c>default: "{{ target.name == 'prod' }}"</c>) must be rendered before parsing.
/// </summary>
public sealed class SelectorDefinitions
{
    private readonly Dictionary<string, SelectorDefinition> _byName;

    internal SelectorDefinitions(IReadOnlyList<SelectorDefinition> selectors, IReadOnlyList<Diagnostic> diagnostics)
    {
        Selectors = selectors;
        Diagnostics = diagnostics;
        _byName = new Dictionary<string, SelectorDefinition>(StringComparer.Ordinal);
        foreach (var selector in selectors)
        {
            _byName[selector.Name] = selector;
        }

        Default = selectors.FirstOrDefault(s => s.IsDefault);
    }

    /// <summary>No selectors (a project without selectors.yml).</summary>
    public static SelectorDefinitions Empty { get; } = new([], []);

    /// <summary>The valid selectors, in file order.</summary>
    public IReadOnlyList<SelectorDefinition> Selectors { get; }

    /// <summary>The selector with <c>default: true</c>, if any.</summary>
    public SelectorDefinition? Default { get; }

    /// <summary>The problems found in the file.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Parses the text of a selectors.yml; <paramref name="path"/> is used in locations.</summary>
    public static SelectorDefinitions Parse(string text, string path, SelectorMethodRegistry? methods = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        YamlNode? root;
        try
        {
            root = YamlReader.Read(text, path);
        }
        catch (ProjectException e)
        {
            return new SelectorDefinitions([], e.Diagnostics);
        }

        return FromYaml(root, path, methods);
    }

    /// <summary>Parses an already read selectors.yml document (null for an empty file).</summary>
    public static SelectorDefinitions FromYaml(YamlNode? root, string path, SelectorMethodRegistry? methods = null) =>
        new SelectorYamlParser(path, methods ?? SelectorMethodRegistry.Default).Parse(root);

    /// <summary>The same selectors with <paramref name="problems"/> (found before parsing: YAML syntax, templates) listed first.</summary>
    internal SelectorDefinitions WithProblems(IReadOnlyList<Diagnostic> problems) =>
        problems.Count == 0 ? this : new SelectorDefinitions(Selectors, [.. problems, .. Diagnostics]);

    /// <summary>Finds a selector by name.</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out SelectorDefinition? selector) => _byName.TryGetValue(name, out selector);
}
