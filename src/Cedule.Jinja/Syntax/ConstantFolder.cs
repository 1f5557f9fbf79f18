using Cedule.Jinja.Syntax.Ast;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Syntax;

/// <summary>Evaluates literal-only expressions at parse time (block tag headers).</summary>
internal static class ConstantFolder
{
    public static bool TryFold(Expr expr, out object? value)
    {
        value = null;
        switch (expr)
        {
            case ConstExpr constant:
                value = constant.Value;
                return true;
            case UnaryExpr { Kind: ExprKind.Neg } neg when TryFold(neg.Operand, out var inner):
                value = PyOps.Negate(inner);
                return true;
            case SequenceExpr sequence:
                var items = new List<object?>(sequence.Items.Length);
                foreach (var item in sequence.Items)
                {
                    if (!TryFold(item, out var folded))
                    {
                        return false;
                    }

                    items.Add(folded);
                }

                value = sequence.Kind == ExprKind.Tuple ? new PyTuple(items) : items;
                return true;
            case DictExpr dict:
                var result = new PyDict();
                for (var i = 0; i < dict.Keys.Length; i++)
                {
                    if (!TryFold(dict.Keys[i], out var key) || !TryFold(dict.Values[i], out var item))
                    {
                        return false;
                    }

                    result[key] = item;
                }

                value = result;
                return true;
            default:
                return false;
        }
    }
}
