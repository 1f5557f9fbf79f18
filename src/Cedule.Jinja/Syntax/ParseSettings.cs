using Cedule.Jinja.Values;

namespace Cedule.Jinja.Syntax;

/// <summary>What parsing needs from an environment; built once per environment change.</summary>
internal sealed class ParseSettings
{
    public required IReadOnlyDictionary<string, FilterFunc> Filters { get; init; }

    public required IReadOnlyDictionary<string, TestFunc> Tests { get; init; }

    public required IReadOnlyDictionary<string, BlockTagDefinition> BlockTags { get; init; }

    public required IReadOnlySet<string> RawTags { get; init; }

    public int MaxDepth { get; init; } = 200;

    public bool TrimBlocks { get; init; }

    public bool LstripBlocks { get; init; }

    public bool KeepTrailingNewline { get; init; }
}
