namespace Cedule.Jinja.Syntax.Ast;

/// <summary>The base of every syntax tree node: each one knows where it starts.</summary>
internal abstract class Node(Span span)
{
    public Span Span { get; } = span;
}

/// <summary>Expression kinds, so the interpreter dispatches with one switch instead of type tests.</summary>
internal enum ExprKind
{
    Const,
    Name,
    List,
    Tuple,
    Dict,
    Neg,
    Pos,
    Not,
    Binary,
    And,
    Or,
    Concat,
    Compare,
    Cond,
    GetAttr,
    GetItem,
    Slice,
    Call,
    Filter,
    Test,
}

/// <summary>Binary arithmetic operators.</summary>
internal enum BinaryOp
{
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
}

/// <summary>Comparison operators of a comparison chain.</summary>
internal enum CompareOp
{
    Eq,
    Ne,
    Lt,
    LtEq,
    Gt,
    GtEq,
    In,
    NotIn,
}

/// <summary>Statement kinds, for the interpreter's dispatch switch.</summary>
internal enum StmtKind
{
    Data,
    Emit,
    If,
    For,
    Set,
    SetBlock,
    Macro,
    CallBlock,
    FilterBlock,
    With,
    Do,
    Break,
    Continue,
    Include,
    Import,
    FromImport,
    Extends,
    Block,
    BlockTag,
    Scope,
}
