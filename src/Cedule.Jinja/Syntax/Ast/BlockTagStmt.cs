namespace Cedule.Jinja.Syntax.Ast;

/// <summary>A use of a host-registered block tag; <see cref="Macro"/> is set for macro tags.</summary>
internal sealed class BlockTagStmt(Span span, BlockTagInstance instance, MacroDef? macro) : Stmt(span, StmtKind.BlockTag)
{
    public BlockTagInstance Instance { get; } = instance;

    public MacroDef? Macro { get; } = macro;
}

/// <summary>A parsed template: its body, its blocks by name, and what hosts may ask about it.</summary>
internal sealed class TemplateAst(Stmt[] body, Dictionary<string, BlockStmt> blocks, bool hasExtends, BlockTagInstance[] tags)
{
    public Stmt[] Body { get; } = body;

    public Dictionary<string, BlockStmt> Blocks { get; } = blocks;

    public bool HasExtends { get; } = hasExtends;

    public BlockTagInstance[] Tags { get; } = tags;
}
