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
}
