using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cedule.Core.Graph;

namespace Cedule.Core.Selection.Methods;

/// <summary>
/// <c>version:latest|prerelease|old|none</c> on models. Versions compare as numbers when both
/// are numbers and as text otherwise, as dbt's <c>UnparsedVersion</c> does.
/// </summary>
internal sealed class VersionMethod : ISelectorMethod
{
    public string Name => "version";

    public bool TryCreateMatcher(SelectorMethodInput input, [NotNullWhen(true)] out Func<GraphNode, bool>? matcher, [NotNullWhen(false)] out string? error)
    {
        matcher = input.Text switch
        {
            "latest" => static node => IsModel(node) && node.Version is { } v && node.LatestVersion is { } l && Compare(v, l) == 0,
            "prerelease" => static node => IsModel(node) && node.Version is { } v && node.LatestVersion is { } l && Compare(v, l) > 0,
            "old" => static node => IsModel(node) && node.Version is { } v && node.LatestVersion is { } l && Compare(v, l) < 0,
            "none" => static node => IsModel(node) && node.Version is null,
            _ => null,
        };
        error = matcher is null
            ? $"invalid version selector '{input.Text}': expected one of \"latest\", \"prerelease\", \"old\", or \"none\""
            : null;
        return matcher is not null;
    }

    private static bool IsModel(GraphNode node) => node.ResourceType == NodeType.Model;

    internal static int Compare(string left, string right) =>
        double.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var l)
        && double.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var r)
            ? l.CompareTo(r)
            : string.CompareOrdinal(left, right);
}
