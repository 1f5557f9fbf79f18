using Cedule.Jinja.Values;

namespace Cedule.Jinja.Syntax.Ast;

/// <summary>
/// An expression node. <see cref="Height"/> is the length of the longest path to a leaf: every
/// walker over expressions recurses that deep, so the parser refuses trees taller than
/// <see cref="EnvironmentOptions.MaxTemplateDepth"/> (long chains such as <c>x.a.a.a…</c> or
/// <c>1 + 1 + …</c> are parsed by loops, yet they still make tall trees).
/// </summary>
internal abstract class Expr(Span span, ExprKind kind, int height = 1) : Node(span)
{
    public ExprKind Kind { get; } = kind;

    public int Height { get; } = height;

    /// <summary>One more than the tallest of the children given (null ones are absent).</summary>
    protected static int Above(Expr? first, Expr? second = null, Expr? third = null) =>
        1 + Math.Max(first?.Height ?? 0, Math.Max(second?.Height ?? 0, third?.Height ?? 0));

    protected static int Above(Expr[] children, int floor = 0) => Math.Max(floor, Tallest(children)) + 1;

    /// <summary>The height of the tallest of <paramref name="expressions"/>, 0 when there are none.</summary>
    public static int Tallest(Expr[] expressions)
    {
        var tallest = 0;
        foreach (var expression in expressions)
        {
            tallest = Math.Max(tallest, expression.Height);
        }

        return tallest;
    }
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
internal sealed class SequenceExpr(Span span, ExprKind kind, Expr[] items) : Expr(span, kind, Above(items))
{
    public Expr[] Items { get; } = items;
}

internal sealed class DictExpr(Span span, Expr[] keys, Expr[] values) : Expr(span, ExprKind.Dict, Above(values, Above(keys)))
{
    public Expr[] Keys { get; } = keys;

    public Expr[] Values { get; } = values;
}

/// <summary><c>-x</c>, <c>+x</c> or <c>not x</c>.</summary>
internal sealed class UnaryExpr(Span span, ExprKind kind, Expr operand) : Expr(span, kind, Above(operand))
{
    public Expr Operand { get; } = operand;
}

internal sealed class BinaryExpr(Span span, BinaryOp op, Expr left, Expr right) : Expr(span, ExprKind.Binary, Above(left, right))
{
    public BinaryOp Op { get; } = op;

    public Expr Left { get; } = left;

    public Expr Right { get; } = right;
}

/// <summary><c>and</c> / <c>or</c>, which return one of their operands.</summary>
internal sealed class LogicalExpr(Span span, ExprKind kind, Expr left, Expr right) : Expr(span, kind, Above(left, right))
{
    public Expr Left { get; } = left;

    public Expr Right { get; } = right;
}

internal sealed class ConcatExpr(Span span, Expr[] items) : Expr(span, ExprKind.Concat, Above(items))
{
    public Expr[] Items { get; } = items;
}

internal sealed class CompareExpr(Span span, Expr first, CompareOp[] ops, Expr[] operands) : Expr(span, ExprKind.Compare, Above(operands, first.Height))
{
    public Expr First { get; } = first;

    public CompareOp[] Ops { get; } = ops;

    public Expr[] Operands { get; } = operands;
}

/// <summary><c>a if test else b</c>; <see cref="Else"/> is null when there is no else.</summary>
internal sealed class CondExpr(Span span, Expr test, Expr then, Expr? otherwise) : Expr(span, ExprKind.Cond, Above(test, then, otherwise))
{
    public Expr Test { get; } = test;

    public Expr Then { get; } = then;

    public Expr? Else { get; } = otherwise;
}

internal sealed class GetAttrExpr(Span span, Expr target, string name) : Expr(span, ExprKind.GetAttr, Above(target))
{
    public Expr Target { get; } = target;

    public string Name { get; } = name;
}

internal sealed class GetItemExpr(Span span, Expr target, Expr key) : Expr(span, ExprKind.GetItem, Above(target, key))
{
    public Expr Target { get; } = target;

    public Expr Key { get; } = key;
}

internal sealed class SliceExpr(Span span, Expr? start, Expr? stop, Expr? step) : Expr(span, ExprKind.Slice, Above(start, stop, step))
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

    /// <summary>The height of the tallest argument expression (0 without arguments).</summary>
    public int Height { get; } = Math.Max(
        Math.Max(Expr.Tallest(positional), Expr.Tallest(keywordValues)),
        Math.Max(dynArgs?.Height ?? 0, dynKwargs?.Height ?? 0));

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

internal sealed class CallExpr(Span span, Expr callee, CallArgs args) : Expr(span, ExprKind.Call, Math.Max(Above(callee), args.Height + 1))
{
    public Expr Callee { get; } = callee;

    public CallArgs Args { get; } = args;
}

/// <summary>
/// <c>operand | name(args)</c>. <see cref="Func"/> is resolved when the template is parsed;
/// null means the filter was unknown in a place where Jinja2 defers the error to run time.
/// <see cref="Operand"/> is null only in a filter block's chain, where the body is the operand.
/// </summary>
internal sealed class FilterExpr(Span span, Expr? operand, string name, CallArgs args, FilterFunc? func) : Expr(span, ExprKind.Filter, Math.Max(Above(operand), args.Height + 1))
{
    public Expr? Operand { get; } = operand;

    public string Name { get; } = name;

    public CallArgs Args { get; } = args;

    public FilterFunc? Func { get; } = func;

    public FilterExpr WithOperand(Expr? operand) => new(Span, operand, Name, Args, Func);
}

/// <summary><c>operand is name(args)</c>; <see cref="Func"/> as for <see cref="FilterExpr"/>.</summary>
internal sealed class TestExpr(Span span, Expr operand, string name, CallArgs args, TestFunc? func) : Expr(span, ExprKind.Test, Math.Max(Above(operand), args.Height + 1))
{
    public Expr Operand { get; } = operand;

    public string Name { get; } = name;

    public CallArgs Args { get; } = args;

    public TestFunc? Func { get; } = func;
}
