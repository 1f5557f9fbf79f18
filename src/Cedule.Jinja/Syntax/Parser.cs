using System.Runtime.CompilerServices;
using Cedule.Jinja.Syntax.Ast;

namespace Cedule.Jinja.Syntax;

/// <summary>
/// A recursive-descent parser that mirrors Jinja2's <c>parser.py</c> rule by rule, so that
/// precedence, accepted syntax and error messages match. Nesting is bounded by
/// <see cref="ParseSettings.MaxDepth"/> so hostile input cannot overflow the stack.
/// </summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> StatementKeywords = new(StringComparer.Ordinal)
    {
        "for", "if", "block", "extends", "print", "macro", "include", "from", "import", "set", "with", "autoescape",
    };

    private readonly SourceText source;
    private readonly ParseSettings settings;
    private readonly List<Token> tokens;
    private readonly List<string> tagStack = [];
    private readonly List<string[]> endTokenStack = [];
    private readonly Dictionary<string, BlockStmt> blocks = new(StringComparer.Ordinal);
    private readonly List<BlockTagInstance> tags = [];
    private int index;
    private int depth;
    private bool soft;
    private bool hasExtends;

    private Parser(SourceText source, ParseSettings settings)
    {
        this.source = source;
        this.settings = settings;
        tokens = Lexer.Tokenize(source, settings.TrimBlocks, settings.LstripBlocks, settings.RawTags);
    }

    public static TemplateAst Parse(SourceText source, ParseSettings settings)
    {
        var parser = new Parser(source, settings);
        var body = parser.Subparse(null);
        return new TemplateAst(body, parser.blocks, parser.hasExtends, [.. parser.tags]);
    }

    private Token Current => tokens[index];

    private Token Look() => tokens[Math.Min(index + 1, tokens.Count - 1)];

    private Token Next()
    {
        var token = tokens[index];
        if (index < tokens.Count - 1)
        {
            index++;
        }

        return token;
    }

    private bool SkipIf(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        Next();
        return true;
    }

    private bool SkipIfName(string name)
    {
        if (!Current.IsName(name))
        {
            return false;
        }

        Next();
        return true;
    }

    private Token Expect(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            FailExpected(Token.DescribeKind(kind));
        }

        return Next();
    }

    private Token ExpectName(string name)
    {
        if (!Current.IsName(name))
        {
            FailExpected(name);
        }

        return Next();
    }

    private void FailExpected(string expected)
    {
        if (Current.Kind == TokenKind.Eof)
        {
            throw Fail($"unexpected end of template, expected '{expected}'.");
        }

        throw Fail($"expected token '{expected}', got '{Current.Describe()}'");
    }

    private TemplateException Fail(string message) => Fail(message, Current.Span);

    private TemplateException Fail(string message, Span span, ErrorKind kind = ErrorKind.TemplateSyntaxError) =>
        source.Error(kind, message, span);

    private void Enter()
    {
        if (++depth > settings.MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw Fail($"template nesting is deeper than the limit of {settings.MaxDepth}", Current.Span, ErrorKind.RecursionLimit);
        }
    }

    private void Leave() => depth--;

    /// <summary>
    /// Refuses an expression taller than the depth limit. Chains (<c>x.a.a…</c>, <c>x|f|f…</c>,
    /// <c>1 + 1 + …</c>) are parsed by loops, so <see cref="Enter"/> never sees them, but every
    /// walker of the tree (the renderer first) recurses once per link.
    /// </summary>
    private T Bounded<T>(T node)
        where T : Expr
    {
        if (node.Height > settings.MaxDepth)
        {
            throw Fail($"expression nesting (chained operators, attributes, subscripts, calls and filters count) is deeper than the limit of {settings.MaxDepth}", node.Span, ErrorKind.RecursionLimit);
        }

        return node;
    }

    /// <summary>Jinja2's <c>subparse</c>: template data, <c>{{ }}</c> and statements until one of the end tags.</summary>
    private Stmt[] Subparse(string[]? endTokens)
    {
        var body = new List<Stmt>();
        if (endTokens is not null)
        {
            endTokenStack.Add(endTokens);
        }

        Enter();
        try
        {
            while (Current.Kind != TokenKind.Eof)
            {
                var token = Current;
                switch (token.Kind)
                {
                    case TokenKind.Data:
                        body.Add(new DataStmt(token.Span, token.Text));
                        Next();
                        break;
                    case TokenKind.VariableBegin:
                        Next();
                        var expr = ParseTuple(withCondExpr: true);
                        body.Add(new EmitStmt(expr.Span, expr));
                        Expect(TokenKind.VariableEnd);
                        break;
                    case TokenKind.BlockBegin:
                        Next();
                        if (endTokens is not null && MatchesAny(endTokens))
                        {
                            return [.. body];
                        }

                        ParseStatement(body);
                        Expect(TokenKind.BlockEnd);
                        break;
                    default:
                        throw Fail("internal parsing error");
                }
            }

            return [.. body];
        }
        finally
        {
            Leave();
            if (endTokens is not null)
            {
                endTokenStack.RemoveAt(endTokenStack.Count - 1);
            }
        }
    }

    private bool MatchesAny(string[] names)
    {
        foreach (var name in names)
        {
            if (Current.IsName(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Jinja2's <c>parse_statements</c>: an optional colon, the block end, then the body.</summary>
    private Stmt[] ParseStatements(string[] endTokens, bool dropNeedle = false)
    {
        SkipIf(TokenKind.Colon);
        Expect(TokenKind.BlockEnd);
        var result = Subparse(endTokens);
        if (Current.Kind == TokenKind.Eof)
        {
            FailEof(endTokens);
        }

        if (dropNeedle)
        {
            Next();
        }

        return result;
    }

    /// <summary>Parses a body in a non-soft frame (unknown filters there fail at parse time).</summary>
    private Stmt[] ParseHardStatements(string[] endTokens, bool dropNeedle = false)
    {
        var saved = soft;
        soft = false;
        try
        {
            return ParseStatements(endTokens, dropNeedle);
        }
        finally
        {
            soft = saved;
        }
    }

    private void FailEof(string[]? endTokens)
    {
        var stack = new List<string[]>(endTokenStack);
        if (endTokens is not null)
        {
            stack.Add(endTokens);
        }

        FailUnknownTagOrEof(null, stack, Current.Span);
    }

    private void FailUnknownTagOrEof(string? name, List<string[]> stack, Span span)
    {
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var names in stack)
        {
            expected.UnionWith(names);
        }

        var message = new List<string> { name is null ? "Unexpected end of template." : $"Encountered unknown tag '{name}'." };
        if (stack.Count > 0)
        {
            var looking = string.Join(" or ", stack[^1].Select(static n => $"'{n}'"));
            message.Add(name is not null && expected.Contains(name)
                ? $"You probably made a nesting mistake. Jinja is expecting this tag, but currently looking for {looking}."
                : $"Jinja was looking for the following tags: {looking}.");
        }

        if (tagStack.Count > 0)
        {
            message.Add($"The innermost block that needs to be closed is '{tagStack[^1]}'.");
        }

        throw Fail(string.Join(' ', message), span);
    }
}
