namespace Cedule.Jinja.Syntax.Ast;

internal abstract class Stmt(Span span, StmtKind kind) : Node(span)
{
    public StmtKind Kind { get; } = kind;
}

/// <summary>Literal template text.</summary>
internal sealed class DataStmt(Span span, string text) : Stmt(span, StmtKind.Data)
{
    public string Text { get; } = text;
}

/// <summary><c>{{ expr }}</c> (and each expression of <c>{% print %}</c>).</summary>
internal sealed class EmitStmt(Span span, Expr value) : Stmt(span, StmtKind.Emit)
{
    public Expr Value { get; } = value;
}

internal sealed class IfStmt(Span span, Expr[] tests, Stmt[][] bodies, Stmt[]? otherwise) : Stmt(span, StmtKind.If)
{
    public Expr[] Tests { get; } = tests;

    public Stmt[][] Bodies { get; } = bodies;

    public Stmt[]? Else { get; } = otherwise;
}

internal sealed class ForStmt(Span span, Target target, Expr iterable, Stmt[] body, Stmt[]? otherwise, Expr? filter, bool recursive, bool usesLoop)
    : Stmt(span, StmtKind.For)
{
    public Target Target { get; } = target;

    public Expr Iterable { get; } = iterable;

    public Stmt[] Body { get; } = body;

    public Stmt[]? Else { get; } = otherwise;

    public Expr? Filter { get; } = filter;

    public bool Recursive { get; } = recursive;

    /// <summary>False when the body never names <c>loop</c>, so no loop object is built.</summary>
    public bool UsesLoop { get; } = usesLoop;

    /// <summary>
    /// True when nothing in the body can keep its scope or <c>loop</c> object beyond one run of
    /// the loop (no calls, macros, call blocks, includes, imports, namespace assignments or
    /// recursion): the interpreter may then reuse them for the next run of the same loop.
    /// </summary>
    public bool StateReusable { get; init; }
}

internal sealed class SetStmt(Span span, Target target, Expr value) : Stmt(span, StmtKind.Set)
{
    public Target Target { get; } = target;

    public Expr Value { get; } = value;
}

/// <summary><c>{% set x | filters %}body{% endset %}</c>; <see cref="Filter"/> has a null innermost operand.</summary>
internal sealed class SetBlockStmt(Span span, Target target, FilterExpr? filter, Stmt[] body) : Stmt(span, StmtKind.SetBlock)
{
    public Target Target { get; } = target;

    public FilterExpr? Filter { get; } = filter;

    public Stmt[] Body { get; } = body;
}

internal sealed class MacroStmt(Span span, MacroDef def) : Stmt(span, StmtKind.Macro)
{
    public MacroDef Def { get; } = def;
}

/// <summary><c>{% call(params) callee(args) %}body{% endcall %}</c>: the body becomes the <c>caller</c> macro.</summary>
internal sealed class CallBlockStmt(Span span, CallExpr call, MacroDef caller) : Stmt(span, StmtKind.CallBlock)
{
    public CallExpr Call { get; } = call;

    public MacroDef Caller { get; } = caller;
}

internal sealed class FilterBlockStmt(Span span, FilterExpr filter, Stmt[] body) : Stmt(span, StmtKind.FilterBlock)
{
    public FilterExpr Filter { get; } = filter;

    public Stmt[] Body { get; } = body;
}

internal sealed class WithStmt(Span span, Target[] targets, Expr[] values, Stmt[] body) : Stmt(span, StmtKind.With)
{
    public Target[] Targets { get; } = targets;

    public Expr[] Values { get; } = values;

    public Stmt[] Body { get; } = body;
}

internal sealed class DoStmt(Span span, Expr value) : Stmt(span, StmtKind.Do)
{
    public Expr Value { get; } = value;
}

/// <summary><c>break</c>, <c>continue</c>.</summary>
internal sealed class LoopControlStmt(Span span, StmtKind kind) : Stmt(span, kind);

internal sealed class IncludeStmt(Span span, Expr template, bool ignoreMissing, bool withContext) : Stmt(span, StmtKind.Include)
{
    public Expr Template { get; } = template;

    public bool IgnoreMissing { get; } = ignoreMissing;

    public bool WithContext { get; } = withContext;
}

internal sealed class ImportStmt(Span span, Expr template, string target, bool withContext) : Stmt(span, StmtKind.Import)
{
    public Expr Template { get; } = template;

    public string Target { get; } = target;

    public bool WithContext { get; } = withContext;
}

internal sealed class FromImportStmt(Span span, Expr template, string[] names, string[] aliases, bool withContext)
    : Stmt(span, StmtKind.FromImport)
{
    public Expr Template { get; } = template;

    public string[] Names { get; } = names;

    public string[] Aliases { get; } = aliases;

    public bool WithContext { get; } = withContext;
}

internal sealed class ExtendsStmt(Span span, Expr template) : Stmt(span, StmtKind.Extends)
{
    public Expr Template { get; } = template;
}

internal sealed class BlockStmt(Span span, string name, bool scoped, bool required, Stmt[] body) : Stmt(span, StmtKind.Block)
{
    public string Name { get; } = name;

    public bool Scoped { get; } = scoped;

    public bool Required { get; } = required;

    public Stmt[] Body { get; } = body;
}

/// <summary>A statement list that runs in its own scope (the body of <c>autoescape</c>).</summary>
internal sealed class ScopeStmt(Span span, Stmt[] body) : Stmt(span, StmtKind.Scope)
{
    public Stmt[] Body { get; } = body;
}

/// <summary>
/// A macro or call-block body. The <c>Catch*</c>/<c>UsesCaller</c> flags say whether the body
/// names <c>kwargs</c>, <c>varargs</c> or <c>caller</c>, which changes how calls bind, as in Jinja2.
/// </summary>
internal sealed class MacroDef(Span span, string name, string[] parameters, Expr?[] defaults, Stmt[] body)
{
    public Span Span { get; } = span;

    public string Name { get; } = name;

    public string[] Parameters { get; } = parameters;

    /// <summary>One entry per parameter; null where the parameter has no default.</summary>
    public Expr?[] Defaults { get; } = defaults;

    public Stmt[] Body { get; } = body;

    public bool CatchKwargs { get; init; }

    public bool CatchVarargs { get; init; }

    public bool UsesCaller { get; init; }

    /// <summary>
    /// True when nothing in the body can keep the call's scope after it returns (see
    /// <c>Parser.CannotCapture</c>): the interpreter may then reuse one scope for every call.
    /// </summary>
    public bool ScopeReusable { get; init; }
}
