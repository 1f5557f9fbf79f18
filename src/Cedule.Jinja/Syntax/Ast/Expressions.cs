using Cedule.Jinja.Values;

namespace Cedule.Jinja.Syntax.Ast;

internal abstract class Expr(Span span, ExprKind kind) : Node(span)
{
    public ExprKind Kind { get; } = kind;
}

internal sealed class ConstExpr(Span span, object? value) : Expr(span, ExprKind.Const)
{
    public object? Value { get; } = value;
}

internal sealed class NameExpr(Span span, string name) : Expr(span, ExprKind.Name)
{
    public string Name { get; } = name;
}

/// <summary>A list or tuple literal.</summary>
internal sealed class SequenceExpr(Span span, ExprKind kind, Expr[] items) : Expr(span, kind)
{
    public Expr[] Items { get; } = items;
}

internal sealed class DictExpr(Span span, Expr[] keys, Expr[] values) : Expr(span, ExprKind.Dict)
{
    public Expr[] Keys { get; } = keys;

    public Expr[] Values { get; } = values;
}

/// <summary><c>-x</c>, <c>+x</c> or <c>not x</c>.</summary>
internal sealed class UnaryExpr(Span span, ExprKind kind, Expr operand) : Expr(span, kind)
{
    public Expr Operand { get; } = operand;
}

internal sealed class BinaryExpr(Span span, BinaryOp op, Expr left, Expr right) : Expr(span, ExprKind.Binary)
{
    public BinaryOp Op { get; } = op;

    public Expr Left { get; } = left;

    public Expr Right { get; } = right;
}

/// <summary><c>and</c> / <c>or</c>, which return one of their operands.</summary>
internal sealed class LogicalExpr(Span span, ExprKind kind, Expr left, Expr right) : Expr(span, kind)
{
    public Expr Left { get; } = left;

    public Expr Right { get; } = right;
}

internal sealed class ConcatExpr(Span span, Expr[] items) : Expr(span, ExprKind.Concat)
{
    public Expr[] Items { get; } = items;
}

internal sealed class CompareExpr(Span span, Expr first, CompareOp[] ops, Expr[] operands) : Expr(span, ExprKind.Compare)
{
    public Expr First { get; } = first;

    public CompareOp[] Ops { get; } = ops;

    public Expr[] Operands { get; } = operands;
}

/// <summary><c>a if test else b</c>; <see cref="Else"/> is null when there is no else.</summary>
internal sealed class CondExpr(Span span, Expr test, Expr then, Expr? otherwise) : Expr(span, ExprKind.Cond)
{
    public Expr Test { get; } = test;

    public Expr Then { get; } = then;

    public Expr? Else { get; } = otherwise;
}

internal sealed class GetAttrExpr(Span span, Expr target, string name) : Expr(span, ExprKind.GetAttr)
{
    public Expr Target { get; } = target;

    public string Name { get; } = name;
}

internal sealed class GetItemExpr(Span span, Expr target, Expr key) : Expr(span, ExprKind.GetItem)
{
    public Expr Target { get; } = target;

    public Expr Key { get; } = key;
}

internal sealed class SliceExpr(Span span, Expr? start, Expr? stop, Expr? step) : Expr(span, ExprKind.Slice)
{
    public Expr? Start { get; } = start;

    public Expr? Stop { get; } = stop;

    public Expr? Step { get; } = step;
}

/// <summary>The arguments written in a call, filter or test.</summary>
internal sealed class CallArgs(Expr[] positional, string[] keywordNames, Expr[] keywordValues, Expr? dynArgs, Expr? dynKwargs)
{
    public static CallArgs Empty { get; } = new([], [], [], null, null);

    public Expr[] Positional { get; } = positional;

    public string[] KeywordNames { get; } = keywordNames;

    public Expr[] KeywordValues { get; } = keywordValues;

    public Expr? DynArgs { get; } = dynArgs;

    public Expr? DynKwargs { get; } = dynKwargs;

    public bool IsEmpty => Positional.Length == 0 && KeywordNames.Length == 0 && DynArgs is null && DynKwargs is null;

    /// <summary>
    /// The arguments, built once, when every one is a literal (<c>default('n/a')</c>,
    /// <c>round(2)</c>, <c>join(", ")</c>): literals are immutable, so every call can share them
    /// instead of allocating lists per call. Null when some argument must be evaluated.
    /// </summary>
    public Arguments? Constant { get; } = BuildConstant(positional, keywordNames, keywordValues, dynArgs, dynKwargs);

    /// <summary>How many expressions a call evaluates for <see cref="Constant"/> (each costs one fuel step).</summary>
    public int ConstantSteps => Positional.Length + KeywordValues.Length;

    private static Arguments? BuildConstant(Expr[] positional, string[] names, Expr[] values, Expr? dynArgs, Expr? dynKwargs)
    {
        if (dynArgs is not null || dynKwargs is not null || (positional.Length == 0 && names.Length == 0))
        {
            return null;
        }

        var items = new object?[positional.Length];
        for (var i = 0; i < positional.Length; i++)
        {
            if (positional[i] is not ConstExpr constant)
            {
                return null;
            }

            items[i] = constant.Value;
        }

        if (names.Length == 0)
        {
            return new Arguments(items);
        }

        var keywords = new KeyValuePair<string, object?>[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            if (values[i] is not ConstExpr constant)
            {
                return null;
            }

            keywords[i] = new(names[i], constant.Value);
        }

        return new Arguments(items, keywords);
    }
}

internal sealed class CallExpr(Span span, Expr callee, CallArgs args) : Expr(span, ExprKind.Call)
{
    public Expr Callee { get; } = callee;

    public CallArgs Args { get; } = args;
}

/// <summary>
/// <c>operand | name(args)</c>. <see cref="Func"/> is resolved when the template is parsed;
/// null means the filter was unknown in a place where Jinja2 defers the error to run time.
/// <see cref="Operand"/> is null only in a filter block's chain, where the body is the operand.
/// </summary>
internal sealed class FilterExpr(Span span, Expr? operand, string name, CallArgs args, FilterFunc? func) : Expr(span, ExprKind.Filter)
{
    public Expr? Operand { get; } = operand;

    public string Name { get; } = name;

    public CallArgs Args { get; } = args;

    public FilterFunc? Func { get; } = func;

    public FilterExpr WithOperand(Expr? operand) => new(Span, operand, Name, Args, Func);
}

/// <summary><c>operand is name(args)</c>; <see cref="Func"/> as for <see cref="FilterExpr"/>.</summary>
internal sealed class TestExpr(Span span, Expr operand, string name, CallArgs args, TestFunc? func) : Expr(span, ExprKind.Test)
{
    public Expr Operand { get; } = operand;

    public string Name { get; } = name;

    public CallArgs Args { get; } = args;

    public TestFunc? Func { get; } = func;
}
