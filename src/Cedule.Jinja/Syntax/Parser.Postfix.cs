using Cedule.Jinja.Syntax.Ast;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Syntax;

internal sealed partial class Parser
{
    private Expr ParsePostfix(Expr node)
    {
        while (true)
        {
            switch (Current.Kind)
            {
                case TokenKind.Dot or TokenKind.LBracket:
                    node = Bounded(ParseSubscript(node));
                    break;
                case TokenKind.LParen:
                    node = Bounded(ParseCall(node));
                    break;
                default:
                    return node;
            }
        }
    }

    private Expr ParseFilterExpr(Expr node)
    {
        while (true)
        {
            if (Current.Kind == TokenKind.Pipe)
            {
                node = ParseFilter(node)!;
            }
            else if (Current.IsName("is"))
            {
                node = Bounded(ParseTest(node));
            }
            else if (Current.Kind == TokenKind.LParen)
            {
                node = Bounded(ParseCall(node));
            }
            else
            {
                return node;
            }
        }
    }

    private Expr ParseSubscript(Expr node)
    {
        var token = Next();
        if (token.Kind == TokenKind.Dot)
        {
            var attr = Next();
            if (attr.Kind == TokenKind.Name)
            {
                return new GetAttrExpr(attr.Span, node, attr.Text);
            }

            if (attr.Kind != TokenKind.Integer)
            {
                throw Fail("expected name or number", attr.Span);
            }

            return new GetItemExpr(attr.Span, node, new ConstExpr(attr.Span, attr.Value));
        }

        var args = new List<Expr>();
        while (Current.Kind != TokenKind.RBracket)
        {
            if (args.Count > 0)
            {
                Expect(TokenKind.Comma);
            }

            args.Add(ParseSubscribed());
        }

        Expect(TokenKind.RBracket);
        var key = args.Count == 1 ? args[0] : new SequenceExpr(token.Span, ExprKind.Tuple, [.. args]);
        return new GetItemExpr(token.Span, node, key);
    }

    private Expr ParseSubscribed()
    {
        var span = Current.Span;
        Expr? start = null;
        if (Current.Kind == TokenKind.Colon)
        {
            Next();
        }
        else
        {
            var node = ParseExpression();
            if (Current.Kind != TokenKind.Colon)
            {
                return node;
            }

            Next();
            start = node;
        }

        Expr? stop = null;
        if (Current.Kind is not (TokenKind.Colon or TokenKind.RBracket or TokenKind.Comma))
        {
            stop = ParseExpression();
        }

        Expr? step = null;
        if (Current.Kind == TokenKind.Colon)
        {
            Next();
            if (Current.Kind is not (TokenKind.RBracket or TokenKind.Comma))
            {
                step = ParseExpression();
            }
        }

        return new SliceExpr(span, start, stop, step);
    }

    private CallArgs ParseCallArgs()
    {
        var token = Expect(TokenKind.LParen);
        var positional = new List<Expr>();
        var names = new List<string>();
        var values = new List<Expr>();
        Expr? dynArgs = null;
        Expr? dynKwargs = null;
        var requireComma = false;
        void Ensure(bool ok)
        {
            if (!ok)
            {
                throw Fail("invalid syntax for function call expression", token.Span);
            }
        }

        while (Current.Kind != TokenKind.RParen)
        {
            if (requireComma)
            {
                Expect(TokenKind.Comma);
                if (Current.Kind == TokenKind.RParen)
                {
                    break;
                }
            }

            if (Current.Kind == TokenKind.Mul)
            {
                Ensure(dynArgs is null && dynKwargs is null);
                Next();
                dynArgs = ParseExpression();
            }
            else if (Current.Kind == TokenKind.Pow)
            {
                Ensure(dynKwargs is null);
                Next();
                dynKwargs = ParseExpression();
            }
            else if (Current.Kind == TokenKind.Name && Look().Kind == TokenKind.Assign)
            {
                Ensure(dynKwargs is null);
                names.Add(Next().Text);
                Next();
                values.Add(ParseExpression());
            }
            else
            {
                Ensure(dynArgs is null && dynKwargs is null && names.Count == 0);
                positional.Add(ParseExpression());
            }

            requireComma = true;
        }

        Expect(TokenKind.RParen);
        return positional.Count == 0 && names.Count == 0 && dynArgs is null && dynKwargs is null
            ? CallArgs.Empty
            : new CallArgs([.. positional], [.. names], [.. values], dynArgs, dynKwargs);
    }

    private CallExpr ParseCall(Expr node) => new CallExpr(node.Span, node, ParseCallArgs());

    private Expr? ParseFilter(Expr? node, bool startInline = false)
    {
        while (Current.Kind == TokenKind.Pipe || startInline)
        {
            if (!startInline)
            {
                Next();
            }

            var token = Expect(TokenKind.Name);
            var name = token.Text;
            while (SkipIf(TokenKind.Dot))
            {
                name += "." + Expect(TokenKind.Name).Text;
            }

            var args = Current.Kind == TokenKind.LParen ? ParseCallArgs() : CallArgs.Empty;
            FilterFunc? func = settings.Filters.GetValueOrDefault(name);
            if (func is null && !soft)
            {
                throw Fail($"No filter named '{name}'.", token.Span, ErrorKind.TemplateAssertionError);
            }

            node = Bounded(new FilterExpr(token.Span, node, name, args, func));
            startInline = false;
        }

        return node;
    }

    private Expr ParseTest(Expr node)
    {
        var token = Next();
        var negated = SkipIfName("not");
        var nameToken = Expect(TokenKind.Name);
        var name = nameToken.Text;
        while (SkipIf(TokenKind.Dot))
        {
            name += "." + Expect(TokenKind.Name).Text;
        }

        CallArgs args;
        if (Current.Kind == TokenKind.LParen)
        {
            args = ParseCallArgs();
        }
        else if (Current.Kind is TokenKind.Name or TokenKind.String or TokenKind.Integer or TokenKind.Float
                 or TokenKind.LParen or TokenKind.LBracket or TokenKind.LBrace
                 && !Current.IsName("else") && !Current.IsName("or") && !Current.IsName("and"))
        {
            if (Current.IsName("is"))
            {
                throw Fail("You cannot chain multiple tests with is");
            }

            var arg = ParsePostfix(ParsePrimary());
            args = new CallArgs([arg], [], [], null, null);
        }
        else
        {
            args = CallArgs.Empty;
        }

        TestFunc? func = settings.Tests.GetValueOrDefault(name);
        if (func is null && !soft)
        {
            throw Fail($"No test named '{name}'.", nameToken.Span, ErrorKind.TemplateAssertionError);
        }

        Expr result = new TestExpr(nameToken.Span, node, name, args, func);
        return negated ? new UnaryExpr(token.Span, ExprKind.Not, result) : result;
    }

    private Target ParseAssignTarget(bool withTuple = true, bool nameOnly = false, string[]? extraEndRules = null, bool withNamespace = false)
    {
        if (withNamespace && Look().Kind == TokenKind.Dot)
        {
            var token = Expect(TokenKind.Name);
            Next();
            var attr = Expect(TokenKind.Name);
            return new Target(token.Span, TargetKind.Namespace, token.Text, attr.Text);
        }

        if (nameOnly)
        {
            var token = Expect(TokenKind.Name);
            return ToTarget(new NameExpr(token.Span, token.Text));
        }

        var expr = withTuple ? ParseTuple(simplified: true, extraEndRules: extraEndRules) : ParsePrimary();
        return ToTarget(expr);
    }

    private Target ToTarget(Expr expr)
    {
        switch (expr)
        {
            case NameExpr name when name.Name is not ("true" or "false" or "none" or "True" or "False" or "None"):
                return new Target(expr.Span, TargetKind.Name, name.Name);
            case SequenceExpr { Kind: ExprKind.Tuple } tuple:
                var items = new Target[tuple.Items.Length];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = ToTarget(tuple.Items[i]);
                }

                return new Target(expr.Span, TargetKind.Tuple, string.Empty, null, items);
            default:
                throw Fail($"can't assign to '{NodeTypeName(expr)}'", expr.Span);
        }
    }

    private static string NodeTypeName(Expr expr) => expr.Kind switch
    {
        ExprKind.Const => "const",
        ExprKind.List => "list",
        ExprKind.Dict => "dict",
        ExprKind.Call => "call",
        ExprKind.GetAttr => "getattr",
        ExprKind.GetItem => "getitem",
        ExprKind.Filter => "filter",
        ExprKind.Test => "test",
        _ => expr.Kind.ToString().ToLowerInvariant(),
    };
}
