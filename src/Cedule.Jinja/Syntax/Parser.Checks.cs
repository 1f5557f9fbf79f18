using Cedule.Jinja.Syntax.Ast;

namespace Cedule.Jinja.Syntax;

internal sealed partial class Parser
{
    /// <summary>
    /// Jinja2 refuses any assignment to <c>loop</c> anywhere inside a for loop (it would hide
    /// the loop object); finds the first such target in a body.
    /// </summary>
    private static Target? FindLoopAssignment(Stmt[]? body)
    {
        if (body is null)
        {
            return null;
        }

        foreach (var stmt in body)
        {
            var found = stmt switch
            {
                SetStmt set => FindLoopTarget(set.Target),
                SetBlockStmt setBlock => FindLoopTarget(setBlock.Target) ?? FindLoopAssignment(setBlock.Body),
                ForStmt loop => FindLoopTarget(loop.Target) ?? FindLoopAssignment(loop.Body) ?? FindLoopAssignment(loop.Else),
                IfStmt branch => FindInBranches(branch),
                WithStmt with => FindLoopAssignment(with.Body),
                MacroStmt macro => FindLoopAssignment(macro.Def.Body),
                CallBlockStmt call => FindLoopAssignment(call.Caller.Body),
                FilterBlockStmt filter => FindLoopAssignment(filter.Body),
                ScopeStmt scope => FindLoopAssignment(scope.Body),
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static Target? FindInBranches(IfStmt branch)
    {
        foreach (var body in branch.Bodies)
        {
            if (FindLoopAssignment(body) is { } found)
            {
                return found;
            }
        }

        return FindLoopAssignment(branch.Else);
    }

    private static Target? FindLoopTarget(Target target)
    {
        if (target.Kind == TargetKind.Name && target.Name == "loop")
        {
            return target;
        }

        foreach (var item in target.Items)
        {
            if (FindLoopTarget(item) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    // Statements whose bodies run inline and keep no reference to the scope they run in.
    private static readonly HashSet<string> InlineStatements = new(StringComparer.Ordinal)
    {
        "if", "elif", "else", "endif", "for", "endfor", "set", "endset", "with", "endwith",
        "filter", "endfilter", "break", "continue", "endmacro",
    };

    /// <summary>
    /// Whether the tokens of a loop body, in [<paramref name="from"/>, <paramref name="to"/>), can
    /// neither keep the loop's scope or <c>loop</c> object after the loop (a macro, call block,
    /// include or import closes over the scope; a call or a namespace assignment can store
    /// <c>loop</c>) nor recurse. Token-level and conservative: anything unsure answers false.
    /// </summary>
    private bool CannotCapture(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.LParen && IsCallee(i - 1))
            {
                return false;
            }

            if (token.IsName("recursive"))
            {
                return false;
            }

            if (token.Kind == TokenKind.BlockBegin && i + 1 < to)
            {
                var keyword = tokens[i + 1];
                if (keyword.Kind != TokenKind.Name || !InlineStatements.Contains(keyword.Text))
                {
                    return false;
                }

                // `set ns.attr = ...` (or a dotted for target) can store the loop object outside.
                if (i + 3 < to && tokens[i + 2].Kind == TokenKind.Name && tokens[i + 3].Kind == TokenKind.Dot)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Whether a <c>(</c> after token <paramref name="at"/> calls something (rather than pass filter or test arguments).</summary>
    private bool IsCallee(int at)
    {
        if (at < 0)
        {
            return false;
        }

        var token = tokens[at];
        if (token.Kind is TokenKind.RParen or TokenKind.RBracket)
        {
            return true;
        }

        if (token.Kind != TokenKind.Name)
        {
            return false;
        }

        var before = at > 0 ? tokens[at - 1] : default;
        if (before.Kind == TokenKind.Pipe || before.IsName("is"))
        {
            return false;
        }

        return !(before.IsName("not") && at > 1 && tokens[at - 2].IsName("is"));
    }
}
