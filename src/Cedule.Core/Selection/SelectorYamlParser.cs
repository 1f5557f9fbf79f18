using Cedule.Core.Diagnostics;
using Cedule.Core.Yaml;

namespace Cedule.Core.Selection;

/// <summary>
/// Reads selectors.yml (dbt-core 1.9 <c>config/selectors.py</c> and <c>graph/cli.py</c>):
/// CLI-style strings, <c>method: value</c> pairs, full definitions with graph-operator keys and
/// <c>exclude</c>, <c>union</c>/<c>intersection</c> lists, and references to selectors declared
/// earlier in the file (<c>method: selector</c>, or Cedule's shorthand <c>selector: name</c>).
/// </summary>
internal sealed partial class SelectorYamlParser(string path, SelectorMethodRegistry registry)
{
    private static readonly string[] MethodKeys =
        ["method", "value", "children", "parents", "children_depth", "parents_depth", "childrens_parents", "indirect_selection", "exclude"];

    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<string, SelectorDefinition> _known = new(StringComparer.Ordinal);

    public SelectorDefinitions Parse(YamlNode? root)
    {
        if (root is null)
        {
            return SelectorDefinitions.Empty;
        }

        if (root is not YamlMapping mapping)
        {
            Error(root, "selectors.yml must be a mapping with a 'selectors' list");
            return Result([]);
        }

        foreach (var (key, _) in mapping.Entries)
        {
            if (key.Text is not ("selectors" or "version"))
            {
                Warning(key, $"unexpected key '{key.Text}' in selectors.yml (expected 'selectors')");
            }
        }

        if (mapping["selectors"] is not YamlSequence list)
        {
            Error(mapping["selectors"] ?? mapping, "selectors.yml must have a 'selectors' key holding a list of selectors");
            return Result([]);
        }

        var selectors = new List<SelectorDefinition>();
        SelectorDefinition? firstDefault = null;
        foreach (var item in list.Items)
        {
            var selector = ParseSelector(item, ref firstDefault);
            if (selector is null)
            {
                continue;
            }

            if (_known.ContainsKey(selector.Name))
            {
                Warning(item, $"selector '{selector.Name}' is defined twice; the later definition wins");
                selectors.RemoveAll(s => string.Equals(s.Name, selector.Name, StringComparison.Ordinal));
            }

            _known[selector.Name] = selector;
            selectors.Add(selector);
        }

        return Result(selectors);
    }

    private SelectorDefinitions Result(List<SelectorDefinition> selectors) => new(selectors, _diagnostics);

    private SelectorDefinition? ParseSelector(YamlNode item, ref SelectorDefinition? firstDefault)
    {
        if (item is not YamlMapping entry)
        {
            Error(item, "each selector must be a mapping with 'name' and 'definition'");
            return null;
        }

        foreach (var (key, _) in entry.Entries)
        {
            if (key.Text is not ("name" or "definition" or "description" or "default"))
            {
                Warning(key, $"unexpected key '{key.Text}' in a selector (expected name, description, default, definition)");
            }
        }

        if (entry["name"] is not YamlScalar { Text.Length: > 0 } nameNode)
        {
            Error(entry["name"] ?? entry, "a selector needs a 'name'");
            return null;
        }

        var name = nameNode.Text;
        if (entry["definition"] is not { } definitionNode)
        {
            Error(entry, $"selector '{name}' needs a 'definition'");
            return null;
        }

        var description = entry["description"] is YamlScalar d ? d.Text : string.Empty;
        var isDefault = false;
        if (entry["default"] is { } defaultNode)
        {
            switch (defaultNode is YamlScalar s ? YamlValues.Resolve(s) : defaultNode)
            {
                case bool b:
                    isDefault = b;
                    break;
                case string text when bool.TryParse(text, out var parsed):
                    isDefault = parsed;
                    break;
                default:
                    Error(defaultNode, $"'default' of selector '{name}' must be true or false");
                    return null;
            }
        }

        var spec = ParseDefinition(definitionNode, rootLevel: true);
        if (spec is null)
        {
            return null;
        }

        if (isDefault && firstDefault is not null)
        {
            Error(entry["default"]!, $"found multiple selectors with `default: true`: {firstDefault.Name} and {name}");
            isDefault = false;
        }

        var selector = new SelectorDefinition(name, description, isDefault, nameNode.Location, spec);
        if (isDefault)
        {
            firstDefault = selector;
        }

        return selector;
    }

    private SelectorSpec? ParseDefinition(YamlNode node, bool rootLevel)
    {
        switch (node)
        {
            case YamlScalar scalar:
                if (YamlValues.Resolve(scalar) is not string text)
                {
                    Error(scalar, $"a selector definition must be a string or a mapping, not '{scalar.Text}'");
                    return null;
                }

                if (text.AsSpan().IndexOfAny(" \t\n,") >= 0)
                {
                    Error(scalar, $"the CLI-style definition '{text.Trim()}' holds several criteria: in selectors.yml a string takes one; combine them with union: or intersection:");
                    return null;
                }

                return SelectorExpressionParser.ParseCriterion(text, scalar.Location, registry, _diagnostics);
            case YamlSequence:
                Error(node, "a selector definition cannot be a list; put the items under union: or intersection:");
                return null;
        }

        var mapping = (YamlMapping)node;
        var hasUnion = mapping["union"] is not null;
        var hasIntersection = mapping["intersection"] is not null;
        if ((hasUnion || hasIntersection) && rootLevel && mapping.Entries.Count > 1)
        {
            Error(mapping, $"only a single 'union' or 'intersection' key is allowed in a root level selector definition; found {string.Join(",", mapping.Entries.Select(e => e.Key.Text))}");
            return null;
        }

        return hasUnion ? ParseSet(mapping, "union", SetOperation.Union)
            : hasIntersection ? ParseSet(mapping, "intersection", SetOperation.Intersection)
            : ParseMethod(mapping);
    }

    private SetSpec? ParseSet(YamlMapping mapping, string key, SetOperation operation)
    {
        if (mapping[key] is not YamlSequence items)
        {
            Error(mapping[key]!, $"the value of '{key}' must be a list");
            return null;
        }

        var include = new List<SelectorSpec>();
        SelectorSpec? exclude = null;
        var ok = true;
        foreach (var item in items.Items)
        {
            // An item holding only 'exclude' is the list's exclusion; beside method/value it belongs to that method.
            if (item is YamlMapping { Entries.Count: 1 } only && only["exclude"] is not null)
            {
                if (exclude is not null)
                {
                    Error(item, $"only one 'exclude' is allowed in a '{key}' list");
                    ok = false;
                    continue;
                }

                exclude = ParseExclusions(only);
                ok &= exclude is not null;
                continue;
            }

            var spec = ParseDefinition(item, rootLevel: false);
            ok &= spec is not null;
            if (spec is not null)
            {
                include.Add(spec);
            }
        }

        if (!ok)
        {
            return null;
        }

        var raw = $"{key} at {mapping.Location}";
        var set = new SetSpec(raw, mapping.Location, operation, include);
        return exclude is null ? set : new SetSpec(raw, mapping.Location, SetOperation.Difference, [set, exclude]);
    }

    private SelectorSpec? ParseExclusions(YamlMapping mapping)
    {
        if (mapping["exclude"] is not YamlSequence items)
        {
            Error(mapping["exclude"]!, "the value of 'exclude' must be a list");
            return null;
        }

        var specs = new List<SelectorSpec>();
        foreach (var item in items.Items)
        {
            if (ParseDefinition(item, rootLevel: false) is not { } spec)
            {
                return null;
            }

            specs.Add(spec);
        }

        return specs.Count == 1 ? specs[0] : new SetSpec($"exclude at {mapping.Location}", mapping.Location, SetOperation.Union, specs);
    }

    private SelectorSpec? ParseMethod(YamlMapping mapping)
    {
        if (mapping.Entries.Count == 1 && mapping["method"] is null && mapping["value"] is null)
        {
            var (key, valueNode) = mapping.Entries[0];
            if (string.Equals(key.Text, "exclude", StringComparison.Ordinal))
            {
                Error(key, "'exclude' must sit beside 'method' and 'value', or be an item of a union or intersection list");
                return null;
            }

            return string.Equals(key.Text, "selector", StringComparison.Ordinal)
                ? Reference(valueNode)
                : Criterion(mapping, key, valueNode);
        }

        if (mapping["method"] is not YamlScalar methodNode || mapping["value"] is not { } value)
        {
            Error(mapping, $"expected either one 'method: value' key or 'method' and 'value' keys, but got [{string.Join(", ", mapping.Entries.Select(e => e.Key.Text))}]");
            return null;
        }

        if (string.Equals(methodNode.Text, "selector", StringComparison.Ordinal))
        {
            foreach (var (key, _) in mapping.Entries.Where(e => e.Key.Text is not ("method" or "value")))
            {
                Warning(key, $"'{key.Text}' is ignored beside 'method: selector': a reused selector cannot be modified");
            }

            return Reference(value);
        }

        foreach (var (key, _) in mapping.Entries.Where(e => !MethodKeys.Contains(e.Key.Text)))
        {
            Warning(key, $"unexpected key '{key.Text}' in a selector method definition (expected {string.Join(", ", MethodKeys)})");
        }

        return Criterion(mapping, methodNode, value);
    }

    private SelectorSpec? Reference(YamlNode valueNode)
    {
        if (valueNode is not YamlScalar { Text.Length: > 0 } nameNode)
        {
            Error(valueNode, "a selector reference needs the name of a selector");
            return null;
        }

        if (!_known.TryGetValue(nameNode.Text, out var referenced))
        {
            Error(nameNode, $"existing selector definition for '{nameNode.Text}' not found: a selector can only reuse selectors declared above it");
            return null;
        }

        return referenced.Spec;
    }

    private SelectorSpec? Criterion(YamlMapping mapping, YamlScalar methodNode, YamlNode valueNode)
    {
        var names = methodNode.Text.Split('.');
        if (!registry.TryGet(names[0], out _))
        {
            Error(methodNode, $"'{names[0]}' is not a valid method name (valid: {string.Join(", ", registry.Names)}, selector)");
            return null;
        }

        if (valueNode is not YamlScalar valueScalar)
        {
            Error(valueNode, $"the value of method '{methodNode.Text}' must be a single value, not a list or a mapping");
            return null;
        }

        var value = YamlValues.Resolve(valueScalar);
        var text = value as string ?? Cedule.Jinja.Values.PyOps.ToStr(value);
        if (text.Length == 0)
        {
            Error(valueScalar, $"method '{methodNode.Text}' has no value to select");
            return null;
        }

        var isFull = mapping["method"] is not null;
        var children = isFull ? Flag(mapping, "children") : false;
        var parents = isFull ? Flag(mapping, "parents") : false;
        var childrensParents = isFull ? Flag(mapping, "childrens_parents") : false;
        var childrenDepth = isFull ? Depth(mapping, "children_depth") : null;
        var parentsDepth = isFull ? Depth(mapping, "parents_depth") : null;
        var mode = isFull ? Mode(mapping) : null;
        if (children is null || parents is null || childrensParents is null || childrenDepth is -1 || parentsDepth is -1 || mode is -1)
        {
            return null;
        }

        if (children.Value && childrensParents.Value)
        {
            Error(mapping, "'childrens_parents' (the @ operator) and 'children' cannot be combined");
            return null;
        }

        var criterion = new CriterionSpec($"{methodNode.Text}:{text}", valueScalar.Location)
        {
            Method = names[0],
            Arguments = names[1..],
            Value = value,
            Children = children.Value,
            ChildrenDepth = childrenDepth,
            Parents = parents.Value,
            ParentsDepth = parentsDepth,
            ChildrensParents = childrensParents.Value,
            IndirectSelection = mode is null ? null : (IndirectSelection)mode.Value,
        };
        if (!isFull || mapping["exclude"] is null)
        {
            return criterion;
        }

        var exclude = ParseExclusions(mapping);
        return exclude is null ? null : new SetSpec(criterion.Raw, mapping.Location, SetOperation.Difference, [criterion, exclude]);
    }

    private void Error(YamlNode node, string message) =>
        _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.SelectorDefinition, message, Locate(node)));

    private void Warning(YamlNode node, string message) =>
        _diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.SelectorDefinition, message, Locate(node)));

    private SourceLocation Locate(YamlNode node) => node.Location.Path.Length > 0 ? node.Location : node.Location with { Path = path };
}
