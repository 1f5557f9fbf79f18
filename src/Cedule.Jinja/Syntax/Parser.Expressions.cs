using Cedule.Jinja.Syntax.Ast;

namespace Cedule.Jinja.Syntax;

internal sealed partial class Parser
{
    private Expr ParseExpression(bool withCondExpr = true) => withCondExpr ? ParseCondExpr() : ParseOr();

    private Expr ParseCondExpr()
    {
        var span = Current.Span;
        var expr1 = ParseOr();
        while (SkipIfName("if"))
        {
            var saved = soft;
            soft = true;
            try
            {
                var expr2 = ParseOr();
                var expr3 = SkipIfName("else") ? ParseCondExpr() : null;
                expr1 = Bounded(new CondExpr(span, expr2, expr1, expr3));
            }
            finally
            {
                soft = saved;
            }

            span = Current.Span;
        }

        return expr1;
    }

    private Expr ParseOr()
    {
        var span = Current.Span;
        var left = ParseAnd();
        while (SkipIfName("or"))
        {
            left = Bounded(new LogicalExpr(span, ExprKind.Or, left, ParseAnd()));
            span = Current.Span;
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var span = Current.Span;
        var left = ParseNot();
        while (SkipIfName("and"))
        {
            left = Bounded(new LogicalExpr(span, ExprKind.And, left, ParseNot()));
            span = Current.Span;
        }

        return left;
    }

    private Expr ParseNot()
    {
        if (Current.IsName("not"))
        {
            var span = Next().Span;
            Enter();
            try
            {
                return Bounded(new UnaryExpr(span, ExprKind.Not, ParseNot()));
            }
            finally
            {
                Leave();
            }
        }

        return ParseCompare();
    }

    private Expr ParseCompare()
    {
        var span = Current.Span;
        var expr = ParseMath1();
        List<CompareOp>? ops = null;
        List<Expr>? operands = null;
        while (true)
        {
            CompareOp op;
            switch (Current.Kind)
            {
                case TokenKind.Eq: op = CompareOp.Eq; Next(); break;
                case TokenKind.Ne: op = CompareOp.Ne; Next(); break;
                case TokenKind.Lt: op = CompareOp.Lt; Next(); break;
                case TokenKind.LtEq: op = CompareOp.LtEq; Next(); break;
                case TokenKind.Gt: op = CompareOp.Gt; Next(); break;
                case TokenKind.GtEq: op = CompareOp.GtEq; Next(); break;
                default:
                    if (SkipIfName("in"))
                    {
                        op = CompareOp.In;
                    }
                    else if (Current.IsName("not") && Look().IsName("in"))
                    {
                        Next();
                        Next();
                        op = CompareOp.NotIn;
                    }
                    else
                    {
                        return ops is null ? expr : Bounded(new CompareExpr(span, expr, [.. ops], [.. operands!]));
                    }

                    break;
            }

            (ops ??= []).Add(op);
            (operands ??= []).Add(ParseMath1());
        }
    }

    private Expr ParseMath1()
    {
        var span = Current.Span;
        var left = ParseConcat();
        while (Current.Kind is TokenKind.Add or TokenKind.Sub)
        {
            var op = Next().Kind == TokenKind.Add ? BinaryOp.Add : BinaryOp.Sub;
            left = Bounded(new BinaryExpr(span, op, left, ParseConcat()));
            span = Current.Span;
        }

        return left;
    }

    private Expr ParseConcat()
    {
        var span = Current.Span;
        var first = ParseMath2();
        if (Current.Kind != TokenKind.Tilde)
        {
            return first;
        }

        var items = new List<Expr> { first };
        while (SkipIf(TokenKind.Tilde))
        {
            items.Add(ParseMath2());
        }

        return Bounded(new ConcatExpr(span, [.. items]));
    }

    private Expr ParseMath2()
    {
        var span = Current.Span;
        var left = ParsePow();
        while (Current.Kind is TokenKind.Mul or TokenKind.Div or TokenKind.FloorDiv or TokenKind.Mod)
        {
            var op = Next().Kind switch
            {
                TokenKind.Mul => BinaryOp.Mul,
                TokenKind.Div => BinaryOp.Div,
                TokenKind.FloorDiv => BinaryOp.FloorDiv,
                _ => BinaryOp.Mod,
            };
            left = Bounded(new BinaryExpr(span, op, left, ParsePow()));
            span = Current.Span;
        }

        return left;
    }

    private Expr ParsePow()
    {
        var span = Current.Span;
        var left = ParseUnary();
        while (SkipIf(TokenKind.Pow))
        {
            left = Bounded(new BinaryExpr(span, BinaryOp.Pow, left, ParseUnary()));
            span = Current.Span;
        }

        return left;
    }

    private Expr ParseUnary(bool withFilter = true)
    {
        Enter();
        try
        {
            var span = Current.Span;
            Expr node;
            if (SkipIf(TokenKind.Sub))
            {
                node = Bounded(new UnaryExpr(span, ExprKind.Neg, ParseUnary(false)));
            }
            else if (SkipIf(TokenKind.Add))
            {
                node = Bounded(new UnaryExpr(span, ExprKind.Pos, ParseUnary(false)));
            }
            else
            {
                node = ParsePrimary();
            }

            node = ParsePostfix(node);
            return withFilter ? ParseFilterExpr(node) : node;
        }
        finally
        {
            Leave();
        }
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Name:
                Next();
                return token.Text switch
                {
                    "true" or "True" => new ConstExpr(token.Span, true),
                    "false" or "False" => new ConstExpr(token.Span, false),
                    "none" or "None" => new ConstExpr(token.Span, null),
                    _ => new NameExpr(token.Span, token.Text),
                };
            case TokenKind.String:
                Next();
                if (Current.Kind != TokenKind.String)
                {
                    return new ConstExpr(token.Span, token.Text);
                }

                var text = new System.Text.StringBuilder(token.Text);
                while (Current.Kind == TokenKind.String)
                {
                    text.Append(Next().Text);
                }

                return new ConstExpr(token.Span, text.ToString());
            case TokenKind.Integer or TokenKind.Float:
                Next();
                return new ConstExpr(token.Span, token.Value);
            case TokenKind.LParen:
                Next();
                var inner = ParseTuple(explicitParentheses: true);
                Expect(TokenKind.RParen);
                return inner;
            case TokenKind.LBracket:
                return ParseList();
            case TokenKind.LBrace:
                return ParseDict();
            default:
                throw Fail($"unexpected '{token.Describe()}'", token.Span);
        }
    }

    private bool IsTupleEnd(string[]? extraEndRules)
    {
        if (Current.Kind is TokenKind.VariableEnd or TokenKind.BlockEnd or TokenKind.RParen)
        {
            return true;
        }

        return extraEndRules is not null && MatchesAny(extraEndRules);
    }

    /// <summary>Jinja2's <c>parse_tuple</c>: an expression, or a tuple when commas separate several.</summary>
    private Expr ParseTuple(bool simplified = false, bool withCondExpr = true, string[]? extraEndRules = null, bool explicitParentheses = false)
    {
        var span = Current.Span;
        var items = new List<Expr>();
        var isTuple = false;
        while (true)
        {
            if (items.Count > 0)
            {
                Expect(TokenKind.Comma);
            }

            if (IsTupleEnd(extraEndRules))
            {
                break;
            }

            items.Add(simplified ? ParsePrimary() : ParseExpression(withCondExpr));
            if (Current.Kind == TokenKind.Comma)
            {
                isTuple = true;
            }
            else
            {
                break;
            }

            span = Current.Span;
        }

        if (!isTuple)
        {
            if (items.Count > 0)
            {
                return items[0];
            }

            if (!explicitParentheses)
            {
                throw Fail($"Expected an expression, got '{Current.Describe()}'");
            }
        }

        return Bounded(new SequenceExpr(items.Count > 0 ? items[0].Span : span, ExprKind.Tuple, [.. items]));
    }

    private SequenceExpr ParseList()
    {
        var token = Expect(TokenKind.LBracket);
        var items = new List<Expr>();
        while (Current.Kind != TokenKind.RBracket)
        {
            if (items.Count > 0)
            {
                Expect(TokenKind.Comma);
            }

            if (Current.Kind == TokenKind.RBracket)
            {
                break;
            }

            items.Add(ParseExpression());
        }

        Expect(TokenKind.RBracket);
        return Bounded(new SequenceExpr(token.Span, ExprKind.List, [.. items]));
    }

    private DictExpr ParseDict()
    {
        var token = Expect(TokenKind.LBrace);
        var keys = new List<Expr>();
        var values = new List<Expr>();
        while (Current.Kind != TokenKind.RBrace)
        {
            if (keys.Count > 0)
            {
                Expect(TokenKind.Comma);
            }

            if (Current.Kind == TokenKind.RBrace)
            {
                break;
            }

            keys.Add(ParseExpression());
            Expect(TokenKind.Colon);
            values.Add(ParseExpression());
        }

        Expect(TokenKind.RBrace);
        return Bounded(new DictExpr(token.Span, [.. keys], [.. values]));
    }
}
