using System.Globalization;
using System.Text.RegularExpressions;
using Cedule.Core.Diagnostics;

namespace Cedule.Core.Selection;

/// <summary>
/// Parses command-line selection (dbt-core 1.9 <c>graph/cli.py</c> and <c>selector_spec.py</c>):
/// spaces separate a union, commas an intersection, and each criterion is
/// <c>[@][n+][method[.arg…]:]value[+n]</c>. A bare value is a path when it contains a slash, a
/// file when it ends in .sql, .py or .csv, and an fqn otherwise.
/// </summary>
internal static partial class SelectorExpressionParser
{
    /// <summary>
    /// Parses the values of one option (each may hold several space-separated terms) into a
    /// union of intersections. Problems are added to <paramref name="diagnostics"/>; terms with a
    /// problem are left out.
    /// </summary>
    public static SetSpec ParseUnion(IReadOnlyList<string> arguments, string option, SelectorMethodRegistry registry, List<Diagnostic> diagnostics)
    {
        var terms = new List<SelectorSpec>();
        foreach (var argument in arguments)
        {
            foreach (Match term in Term().Matches(argument))
            {
                var location = new SourceLocation(option, 1, term.Index + 1);
                var parts = new List<SelectorSpec>();
                var ok = true;
                var offset = 0;
                foreach (var part in term.Value.Split(','))
                {
                    var partLocation = location with { Column = location.Column + offset };
                    offset += part.Length + 1;
                    if (part.Length == 0)
                    {
                        diagnostics.Add(Diagnostic.Error(
                            DiagnosticCodes.SelectorSyntax,
                            $"invalid selector '{term.Value}': empty criterion at column {partLocation.Column.ToString(CultureInfo.InvariantCulture)} (a comma must join two criteria, without spaces)",
                            partLocation));
                        ok = false;
                        continue;
                    }

                    var criterion = ParseCriterion(part, partLocation, registry, diagnostics);
                    ok &= criterion is not null;
                    if (criterion is not null)
                    {
                        parts.Add(criterion);
                    }
                }

                if (ok)
                {
                    terms.Add(new SetSpec(term.Value, location, SetOperation.Intersection, parts) { ExpectExists = true });
                }
            }
        }

        return new SetSpec(string.Join(' ', arguments), new SourceLocation(option, 1, 1), SetOperation.Union, terms);
    }

    /// <summary>Parses one criterion, such as <c>2+tag:nightly+</c>; null (with a diagnostic) when invalid.</summary>
    public static SelectorSpec? ParseCriterion(string raw, SourceLocation location, SelectorMethodRegistry registry, List<Diagnostic> diagnostics)
    {
        var match = Criterion().Match(raw);
        if (!match.Success)
        {
            diagnostics.Add(Error($"invalid selector '{raw}'", location));
            return null;
        }

        var value = match.Groups["value"].Value;
        var childrensParents = match.Groups["at"].Success;
        var children = match.Groups["children"].Success;
        var parents = match.Groups["parents"].Success;
        if (childrensParents && children)
        {
            diagnostics.Add(Error($"invalid selector '{raw}': the \"@\" prefix and the \"+\" suffix cannot be combined", location));
            return null;
        }

        if (value.Length == 0)
        {
            diagnostics.Add(Error($"invalid selector '{raw}': no value to select (write method:value or a node name)", location));
            return null;
        }

        if (!TryDepth(match.Groups["parentsDepth"].Value, raw, location, diagnostics, out var parentsDepth)
            || !TryDepth(match.Groups["childrenDepth"].Value, raw, location, diagnostics, out var childrenDepth))
        {
            return null;
        }

        string method;
        string[] arguments;
        if (match.Groups["method"].Success)
        {
            var names = match.Groups["method"].Value.Split('.');
            method = names[0];
            arguments = names[1..];
            if (string.Equals(method, "selector", StringComparison.Ordinal))
            {
                if (childrensParents || children || parents || arguments.Length > 0)
                {
                    diagnostics.Add(Error($"invalid selector '{raw}': 'selector:' takes a selector's name, without graph operators or arguments", location));
                    return null;
                }

                return new SelectorReferenceSpec(raw, location, value);
            }

            if (!registry.TryGet(method, out _))
            {
                diagnostics.Add(Error(
                    $"invalid selector '{raw}': '{method}' is not a valid method name (valid: {string.Join(", ", registry.Names)}, selector)",
                    location));
                return null;
            }
        }
        else
        {
            method = DefaultMethod(value);
            arguments = [];
        }

        return new CriterionSpec(raw, location)
        {
            Method = method,
            Arguments = arguments,
            Value = value,
            ChildrensParents = childrensParents,
            Parents = parents,
            ParentsDepth = parentsDepth,
            Children = children,
            ChildrenDepth = childrenDepth,
        };
    }

    /// <summary>dbt's default method for a bare value. Backslashes count as path separators too, so Windows users get the same answer.</summary>
    public static string DefaultMethod(string value) =>
        value.Contains('/', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal)
            ? "path"
            : value.EndsWith(".sql", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".py", StringComparison.OrdinalIgnoreCase)
                || value.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                ? "file"
                : "fqn";

    private static bool TryDepth(string text, string raw, SourceLocation location, List<Diagnostic> diagnostics, out int? depth)
    {
        depth = null;
        if (text.Length == 0)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            depth = value;
            return true;
        }

        diagnostics.Add(Error($"invalid selector '{raw}': depth {text} is too large", location));
        return false;
    }

    private static Diagnostic Error(string message, SourceLocation location) =>
        Diagnostic.Error(DiagnosticCodes.SelectorSyntax, message, location);

    // dbt's RAW_SELECTOR_PATTERN.
    [GeneratedRegex(@"\A(?<at>@)?(?<parents>(?<parentsDepth>[0-9]*)\+)?(?:(?<method>[\w.]+):)?(?<value>.*?)(?<children>\+(?<childrenDepth>[0-9]*))?\z")]
    private static partial Regex Criterion();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Term();
}
