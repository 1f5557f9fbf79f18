using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Parsing;

/// <summary>dbt's block tags: <c>test</c>, <c>materialization</c> and <c>snapshot</c> define macros; <c>docs</c> holds raw text.</summary>
internal static class DbtBlockTags
{
    public static void Register(Jinja.Environment env)
    {
        env.AddBlockTag(new BlockTagDefinition("test", BlockTagBody.Macro, h => "test_" + h.Name));
        env.AddBlockTag(new BlockTagDefinition("materialization", BlockTagBody.Macro,
            h => $"materialization_{h.Name}_{PyOps.ToStr(h.GetKeyword("adapter", "default"))}"));
        env.AddBlockTag(new BlockTagDefinition("snapshot", BlockTagBody.Macro, h => "snapshot_" + h.Name));
        env.AddBlockTag(new BlockTagDefinition("docs", BlockTagBody.Raw));
    }
}
