using Cedule.Jinja.Syntax.Ast;

namespace Cedule.Jinja.Syntax;

internal sealed partial class Parser
{
    private void ParseStatement(List<Stmt> body)
    {
        var token = Current;
        if (token.Kind != TokenKind.Name)
        {
            throw Fail("tag name expected", token.Span);
        }

        var name = token.Text;
        var known = StatementKeywords.Contains(name) || name is "call" or "filter" or "do" or "break" or "continue"
            || settings.BlockTags.ContainsKey(name);
        if (!known)
        {
            FailUnknownTagOrEof(name, endTokenStack, token.Span);
        }

        tagStack.Add(name);
        try
        {
            body.Add(name switch
            {
                "for" => ParseFor(),
                "if" => ParseIf(),
                "block" => ParseBlock(),
                "extends" => ParseExtends(),
                "print" => ParsePrint(body),
                "macro" => ParseMacro(),
                "include" => ParseInclude(),
                "from" => ParseFrom(),
                "import" => ParseImport(),
                "set" => ParseSet(),
                "with" => ParseWith(),
                "autoescape" => ParseAutoescape(),
                "call" => ParseCallBlock(),
                "filter" => ParseFilterBlock(),
                "do" => new DoStmt(Next().Span, ParseTuple(withCondExpr: true)),
                "break" => new LoopControlStmt(Next().Span, StmtKind.Break),
                "continue" => new LoopControlStmt(Next().Span, StmtKind.Continue),
                _ => ParseBlockTag(settings.BlockTags[name]),
            });
        }
        finally
        {
            tagStack.RemoveAt(tagStack.Count - 1);
        }
    }

    private Stmt ParseSet()
    {
        var span = Next().Span;
        var target = ParseAssignTarget(withNamespace: true);
        if (SkipIf(TokenKind.Assign))
        {
            return new SetStmt(span, target, ParseTuple(withCondExpr: true));
        }

        var filter = ParseFilter(null) as FilterExpr;
        var body = ParseHardStatements(["endset"], dropNeedle: true);
        return new SetBlockStmt(span, target, filter, body);
    }

    private ForStmt ParseFor()
    {
        var span = ExpectName("for").Span;
        var target = ParseAssignTarget(extraEndRules: ["in"]);
        CheckNotLoop(target);
        ExpectName("in");
        var iterable = ParseTuple(withCondExpr: false, extraEndRules: ["recursive"]);
        Expr? filter = null;
        var saved = soft;
        soft = false;
        try
        {
            if (SkipIfName("if"))
            {
                filter = ParseExpression();
            }

            var recursive = SkipIfName("recursive");
            var bodyStart = index;
            var body = ParseStatements(["endfor", "else"]);
            var bodyEnd = index;
            var usesLoop = UsesName(bodyStart, index, "loop") || UsesName(bodyStart, index, "include");
            Stmt[]? otherwise = null;
            if (Next().Text != "endfor")
            {
                otherwise = ParseStatements(["endfor"], dropNeedle: true);
            }

            if ((FindLoopAssignment(body) ?? FindLoopAssignment(otherwise)) is { } bad)
            {
                throw Fail("Can't assign to special loop variable in for-loop target", bad.Span, ErrorKind.TemplateAssertionError);
            }

            return new ForStmt(span, target, iterable, body, otherwise, filter, recursive, usesLoop || recursive)
            {
                StateReusable = !recursive && filter is null && CannotCapture(bodyStart, bodyEnd),
            };
        }
        finally
        {
            soft = saved;
        }
    }

    private void CheckNotLoop(Target target)
    {
        if (target.Kind == TargetKind.Name && target.Name == "loop")
        {
            throw Fail("Can't assign to special loop variable in for-loop target", target.Span, ErrorKind.TemplateAssertionError);
        }

        foreach (var item in target.Items)
        {
            CheckNotLoop(item);
        }
    }

    /// <summary>True when a name token <paramref name="name"/> occurs among the tokens of a body.</summary>
    private bool UsesName(int from, int to, string name)
    {
        for (var i = from; i < to; i++)
        {
            if (tokens[i].IsName(name) && (i == 0 || tokens[i - 1].Kind != TokenKind.Dot))
            {
                return true;
            }
        }

        return false;
    }

    private IfStmt ParseIf()
    {
        var span = ExpectName("if").Span;
        var tests = new List<Expr>();
        var bodies = new List<Stmt[]>();
        Stmt[]? otherwise = null;
        var saved = soft;
        soft = true;
        try
        {
            while (true)
            {
                tests.Add(ParseTuple(withCondExpr: false));
                bodies.Add(ParseStatements(["elif", "else", "endif"]));
                var token = Next();
                if (token.IsName("elif"))
                {
                    continue;
                }

                if (token.IsName("else"))
                {
                    otherwise = ParseStatements(["endif"], dropNeedle: true);
                }

                break;
            }
        }
        finally
        {
            soft = saved;
        }

        return new IfStmt(span, [.. tests], [.. bodies], otherwise);
    }

    private WithStmt ParseWith()
    {
        var span = Next().Span;
        var targets = new List<Target>();
        var values = new List<Expr>();
        while (Current.Kind != TokenKind.BlockEnd)
        {
            if (targets.Count > 0)
            {
                Expect(TokenKind.Comma);
            }

            targets.Add(ParseAssignTarget());
            Expect(TokenKind.Assign);
            values.Add(ParseExpression());
        }

        var body = ParseHardStatements(["endwith"], dropNeedle: true);
        return new WithStmt(span, [.. targets], [.. values], body);
    }

    private ScopeStmt ParseAutoescape()
    {
        var span = Next().Span;
        _ = ParseExpression();
        return new ScopeStmt(span, ParseHardStatements(["endautoescape"], dropNeedle: true));
    }

    private BlockStmt ParseBlock()
    {
        var span = Next().Span;
        var name = Expect(TokenKind.Name).Text;
        var scoped = SkipIfName("scoped");
        var required = SkipIfName("required");
        if (Current.Kind == TokenKind.Sub)
        {
            throw Fail("Block names in Jinja have to be valid Python identifiers and may not contain hyphens, use an underscore instead.");
        }

        var body = ParseHardStatements(["endblock"], dropNeedle: true);
        if (required && body.Any(static s => s is not DataStmt d || !string.IsNullOrWhiteSpace(d.Text)))
        {
            throw Fail("Required blocks can only contain comments or whitespace");
        }

        SkipIfName(name);
        var block = new BlockStmt(span, name, scoped, required, body);
        if (!blocks.TryAdd(name, block))
        {
            throw Fail($"block '{name}' defined twice", span, ErrorKind.TemplateAssertionError);
        }

        return block;
    }

    private ExtendsStmt ParseExtends()
    {
        var span = Next().Span;
        hasExtends = true;
        return new ExtendsStmt(span, ParseExpression());
    }

    private (bool Found, bool WithContext) ParseImportContext()
    {
        if ((Current.IsName("with") || Current.IsName("without")) && Look().IsName("context"))
        {
            var with = Next().Text == "with";
            Next();
            return (true, with);
        }

        return (false, false);
    }

    private IncludeStmt ParseInclude()
    {
        var span = Next().Span;
        var template = ParseExpression();
        var ignoreMissing = false;
        if (Current.IsName("ignore") && Look().IsName("missing"))
        {
            ignoreMissing = true;
            Next();
            Next();
        }

        var (found, with) = ParseImportContext();
        return new IncludeStmt(span, template, ignoreMissing, !found || with);
    }

    private ImportStmt ParseImport()
    {
        var span = Next().Span;
        var template = ParseExpression();
        ExpectName("as");
        var target = ParseAssignTarget(nameOnly: true).Name;
        var (_, with) = ParseImportContext();
        return new ImportStmt(span, template, target, with);
    }

    private FromImportStmt ParseFrom()
    {
        var span = Next().Span;
        var template = ParseExpression();
        ExpectName("import");
        var names = new List<string>();
        var aliases = new List<string>();
        var withContext = false;
        while (true)
        {
            if (names.Count > 0)
            {
                Expect(TokenKind.Comma);
            }

            if (Current.Kind == TokenKind.Name)
            {
                var (found, with) = ParseImportContext();
                if (found)
                {
                    withContext = with;
                    break;
                }

                var target = ParseAssignTarget(nameOnly: true);
                if (target.Name.StartsWith('_'))
                {
                    throw Fail("names starting with an underline can not be imported", target.Span, ErrorKind.TemplateAssertionError);
                }

                names.Add(target.Name);
                aliases.Add(SkipIfName("as") ? ParseAssignTarget(nameOnly: true).Name : target.Name);
                (found, with) = ParseImportContext();
                if (found)
                {
                    withContext = with;
                    break;
                }

                if (Current.Kind != TokenKind.Comma)
                {
                    break;
                }
            }
            else
            {
                Expect(TokenKind.Name);
            }
        }

        return new FromImportStmt(span, template, [.. names], [.. aliases], withContext);
    }

    private DataStmt ParsePrint(List<Stmt> body)
    {
        var span = Next().Span;
        var count = 0;
        while (Current.Kind != TokenKind.BlockEnd)
        {
            if (count > 0)
            {
                Expect(TokenKind.Comma);
            }

            var expr = ParseExpression();
            body.Add(new EmitStmt(expr.Span, expr));
            count++;
        }

        return new DataStmt(span, string.Empty);
    }
}
