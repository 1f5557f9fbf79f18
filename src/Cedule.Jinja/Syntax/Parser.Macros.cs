using Cedule.Jinja.Syntax.Ast;

namespace Cedule.Jinja.Syntax;

internal sealed partial class Parser
{
    private MacroStmt ParseMacro()
    {
        var span = Next().Span;
        var name = ParseAssignTarget(nameOnly: true).Name;
        var (parameters, defaults) = ParseSignature(span);
        return new MacroStmt(span, ParseMacroBody(span, name, parameters, defaults, "endmacro"));
    }

    private MacroDef ParseMacroBody(Span span, string name, string[] parameters, Expr?[] defaults, string endTag)
    {
        var bodyStart = index;
        var body = ParseHardStatements([endTag], dropNeedle: true);
        var bodyEnd = index;
        return new MacroDef(span, name, parameters, defaults, body)
        {
            CatchKwargs = UsesName(bodyStart, bodyEnd, "kwargs"),
            CatchVarargs = UsesName(bodyStart, bodyEnd, "varargs"),
            UsesCaller = UsesName(bodyStart, bodyEnd, "caller"),
            ScopeReusable = CannotCapture(bodyStart, bodyEnd),
        };
    }

    private (string[] Parameters, Expr?[] Defaults) ParseSignature(Span span)
    {
        var parameters = new List<string>();
        var defaults = new List<Expr?>();
        var anyDefault = false;
        Expect(TokenKind.LParen);
        while (Current.Kind != TokenKind.RParen)
        {
            if (parameters.Count > 0)
            {
                Expect(TokenKind.Comma);
            }

            var target = ParseAssignTarget(nameOnly: true);
            if (SkipIf(TokenKind.Assign))
            {
                defaults.Add(ParseExpression());
                anyDefault = true;
            }
            else if (anyDefault)
            {
                throw Fail("non-default argument follows default argument");
            }
            else
            {
                defaults.Add(null);
            }

            parameters.Add(target.Name);
        }

        Expect(TokenKind.RParen);
        var callerIndex = parameters.IndexOf("caller");
        if (callerIndex >= 0 && defaults[callerIndex] is null)
        {
            throw Fail(
                "When defining macros or call blocks the special \"caller\" argument must be omitted or be given a default.",
                span,
                ErrorKind.TemplateAssertionError);
        }

        return ([.. parameters], [.. defaults]);
    }

    private CallBlockStmt ParseCallBlock()
    {
        var span = Next().Span;
        string[] parameters = [];
        Expr?[] defaults = [];
        if (Current.Kind == TokenKind.LParen)
        {
            (parameters, defaults) = ParseSignature(span);
        }

        var call = ParseExpression();
        if (call is not CallExpr callExpr)
        {
            throw Fail("expected call", span);
        }

        return new CallBlockStmt(span, callExpr, ParseMacroBody(span, "caller", parameters, defaults, "endcall"));
    }

    private FilterBlockStmt ParseFilterBlock()
    {
        var span = Next().Span;
        var filter = (FilterExpr)ParseFilter(null, startInline: true)!;
        var body = ParseHardStatements(["endfilter"], dropNeedle: true);
        return new FilterBlockStmt(span, filter, body);
    }

    /// <summary>Parses a host block tag: <c>NAME [(signature)] [, arg | key=literal]...</c>, then its body.</summary>
    private BlockTagStmt ParseBlockTag(BlockTagDefinition definition)
    {
        var span = Next().Span;
        var name = Expect(TokenKind.Name).Text;
        string[] parameters = [];
        Expr?[] defaults = [];
        if (Current.Kind == TokenKind.LParen)
        {
            (parameters, defaults) = ParseSignature(span);
        }

        var arguments = new List<object?>();
        var keywords = new List<KeyValuePair<string, object?>>();
        while (SkipIf(TokenKind.Comma))
        {
            if (Current.Kind == TokenKind.Name && Look().Kind == TokenKind.Assign)
            {
                var key = Next().Text;
                Next();
                keywords.Add(new(key, ParseHeaderLiteral()));
            }
            else
            {
                arguments.Add(ParseHeaderLiteral());
            }
        }

        var header = new BlockTagHeader(definition.Name, name, parameters, arguments, keywords, span.Line);
        if (definition.Body == BlockTagBody.Raw)
        {
            Expect(TokenKind.BlockEnd);
            var raw = Current.Kind == TokenKind.Data ? Next().Text : string.Empty;
            Expect(TokenKind.BlockBegin);
            ExpectName(definition.EndName);
            var instance = new BlockTagInstance(header, null, raw);
            tags.Add(instance);
            return new BlockTagStmt(span, instance, null);
        }

        var macroName = definition.MacroName?.Invoke(header) ?? name;
        var macro = ParseMacroBody(span, macroName, parameters, defaults, definition.EndName);
        var macroInstance = new BlockTagInstance(header, macroName, null);
        tags.Add(macroInstance);
        return new BlockTagStmt(span, macroInstance, macro);
    }

    /// <summary>A header value: a bare identifier (as a string) or a constant expression.</summary>
    private object? ParseHeaderLiteral()
    {
        if (Current.Kind == TokenKind.Name && Current.Text is not ("true" or "false" or "none" or "True" or "False" or "None"))
        {
            return Next().Text;
        }

        var expr = ParseExpression();
        if (!ConstantFolder.TryFold(expr, out var value))
        {
            throw Fail("block tag arguments must be literals", expr.Span);
        }

        return value;
    }
}
