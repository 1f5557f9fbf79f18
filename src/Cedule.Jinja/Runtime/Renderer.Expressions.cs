using Cedule.Jinja.Syntax.Ast;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Runtime;

internal sealed partial class Renderer
{
    // Subtrees this short fit in the stack margin that EnsureStack keeps, so only taller ones
    // (rare outside hostile templates) pay for the check.
    private const int UncheckedHeight = 16;

    internal object? Eval(Expr expr, Scope scope)
    {
        Step();

        // Literals and local names cannot fail: answer them before entering the located path.
        if (expr.Kind == ExprKind.Const)
        {
            return ((ConstExpr)expr).Value;
        }

        if (expr.Kind == ExprKind.Name && TryLookupLocal(((NameExpr)expr).Name, scope, out var local))
        {
            return local;
        }

        if (expr.Height > UncheckedHeight)
        {
            EnsureStack();
        }

        try
        {
            return EvalCore(expr, scope);
        }
        catch (TemplateException error) when (!error.HasLocation)
        {
            throw Locate(error, expr.Span, scope);
        }
    }

    private object? EvalCore(Expr expr, Scope scope)
    {
        switch (expr.Kind)
        {
            case ExprKind.Const:
                return ((ConstExpr)expr).Value;
            case ExprKind.Name:
                // Eval has already searched the scopes.
                return LookupOuter(((NameExpr)expr).Name, scope);
            case ExprKind.GetAttr:
                var getAttr = (GetAttrExpr)expr;
                return GetAttribute(Eval(getAttr.Target, scope), getAttr.Name);
            case ExprKind.GetItem:
                return EvalGetItem((GetItemExpr)expr, scope);
            case ExprKind.Filter:
                var filter = (FilterExpr)expr;
                return CallFilter(filter, filter.Operand is null ? null : Eval(filter.Operand, scope), scope);
            case ExprKind.Test:
                var test = (TestExpr)expr;
                return PyOps.Box(CallTest(test, Eval(test.Operand, scope), scope));
            case ExprKind.Call:
                return EvalCall((CallExpr)expr, scope, null);
            case ExprKind.Binary:
                return EvalBinary((BinaryExpr)expr, scope);
            case ExprKind.Compare:
                return PyOps.Box(EvalCompare((CompareExpr)expr, scope));
            case ExprKind.And:
                var and = (LogicalExpr)expr;
                var left = Eval(and.Left, scope);
                return PyOps.IsTrue(left) ? Eval(and.Right, scope) : left;
            case ExprKind.Or:
                var or = (LogicalExpr)expr;
                var first = Eval(or.Left, scope);
                return PyOps.IsTrue(first) ? first : Eval(or.Right, scope);
            case ExprKind.Not:
                return PyOps.Box(!PyOps.IsTrue(Eval(((UnaryExpr)expr).Operand, scope)));
            case ExprKind.Neg:
                return PyOps.Negate(Eval(((UnaryExpr)expr).Operand, scope));
            case ExprKind.Pos:
                return PyOps.Plus(Eval(((UnaryExpr)expr).Operand, scope));
            case ExprKind.Concat:
                return EvalConcat((ConcatExpr)expr, scope);
            case ExprKind.Cond:
                return EvalCond((CondExpr)expr, scope);
            case ExprKind.List:
                var listItems = ((SequenceExpr)expr).Items;
                var list = new List<object?>(listItems.Length);
                foreach (var item in listItems)
                {
                    list.Add(Eval(item, scope));
                }

                return list;
            case ExprKind.Tuple:
                var tupleItems = ((SequenceExpr)expr).Items;
                if (tupleItems.Length == 0)
                {
                    return PyTuple.Empty;
                }

                var values = new object?[tupleItems.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = Eval(tupleItems[i], scope);
                }

                return new PyTuple(values);
            case ExprKind.Dict:
                var dictExpr = (DictExpr)expr;
                var dict = new PyDict(dictExpr.Keys.Length);
                for (var i = 0; i < dictExpr.Keys.Length; i++)
                {
                    var key = Eval(dictExpr.Keys[i], scope);
                    dict[key] = Eval(dictExpr.Values[i], scope);
                }

                return dict;
            case ExprKind.Slice:
                throw new TemplateException(ErrorKind.TemplateSyntaxError, "a slice is only valid inside []");
            default:
                throw new TemplateException(ErrorKind.TemplateRuntimeError, $"unsupported expression {expr.Kind}");
        }
    }

    private object? EvalBinary(BinaryExpr expr, Scope scope)
    {
        var left = Eval(expr.Left, scope);
        var right = Eval(expr.Right, scope);
        return expr.Op switch
        {
            BinaryOp.Add => PyOps.Add(left, right, this),
            BinaryOp.Sub => PyOps.Subtract(left, right),
            BinaryOp.Mul => PyOps.Multiply(left, right, this),
            BinaryOp.Div => PyOps.Divide(left, right),
            BinaryOp.FloorDiv => PyOps.FloorDivide(left, right),
            BinaryOp.Mod => PyOps.Modulo(left, right, this),
            _ => PyOps.Power(left, right, this),
        };
    }

    private bool EvalCompare(CompareExpr expr, Scope scope)
    {
        var left = Eval(expr.First, scope);
        for (var i = 0; i < expr.Ops.Length; i++)
        {
            var right = Eval(expr.Operands[i], scope);
            var ok = expr.Ops[i] switch
            {
                CompareOp.Eq => PyOps.Equals(left, right),
                CompareOp.Ne => PyOps.NotEquals(left, right),
                CompareOp.Lt => PyOps.LessThan(left, right),
                CompareOp.LtEq => PyOps.LessOrEqual(left, right),
                CompareOp.Gt => PyOps.GreaterThan(left, right),
                CompareOp.GtEq => PyOps.GreaterOrEqual(left, right),
                CompareOp.In => PyOps.Contains(right, left),
                _ => !PyOps.Contains(right, left),
            };
            if (!ok)
            {
                return false;
            }

            left = right;
        }

        return true;
    }

    private string EvalConcat(ConcatExpr expr, Scope scope)
    {
        var text = BufferPool.Rent();
        foreach (var item in expr.Items)
        {
            var value = Eval(item, scope);
            text.Append(value as string ?? PyOps.ToStr(value));
        }

        ConsumeFuel(text.Length / 64);
        return BufferPool.ToStringAndReturn(text);
    }

    private object? EvalCond(CondExpr expr, Scope scope)
    {
        if (PyOps.IsTrue(Eval(expr.Test, scope)))
        {
            return Eval(expr.Then, scope);
        }

        if (expr.Else is not null)
        {
            return Eval(expr.Else, scope);
        }

        // Jinja2 uses the plain Undefined here even in strict mode: printing it gives ''.
        return new Undefined(
            $"the inline if-expression on {PositionText(expr.Span, scope.Template)} evaluated to false and no else section was defined.");
    }

    private object? EvalGetItem(GetItemExpr expr, Scope scope)
    {
        var target = Eval(expr.Target, scope);
        if (expr.Key is SliceExpr slice)
        {
            if (target is Undefined undefined)
            {
                throw undefined.Fail();
            }

            var start = slice.Start is null ? null : Eval(slice.Start, scope);
            var stop = slice.Stop is null ? null : Eval(slice.Stop, scope);
            var step = slice.Step is null ? null : Eval(slice.Step, scope);
            return target is PyRange range ? range.Slice(start, stop, step, this) : PyOps.Slice(target, start, stop, step);
        }

        if (target is PyRange indexed)
        {
            var key = Eval(expr.Key, scope);
            return indexed.TryGetIndex(key, out var item) ? item : GetItem(target, key);
        }

        return GetItem(target, Eval(expr.Key, scope));
    }
}
