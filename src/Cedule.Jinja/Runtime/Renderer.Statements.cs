using System.Globalization;
using System.Text;
using Cedule.Jinja.Syntax.Ast;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Runtime;

internal sealed partial class Renderer
{
    internal Flow ExecBody(Stmt[] body, Scope scope, StringBuilder output)
    {
        EnsureStack();
        for (var i = 0; i < body.Length; i++)
        {
            var flow = Exec(body[i], scope, output);
            if (flow != Flow.Normal)
            {
                return flow;
            }
        }

        return Flow.Normal;
    }

    private Flow Exec(Stmt stmt, Scope scope, StringBuilder output)
    {
        Step();
        try
        {
            switch (stmt.Kind)
            {
                case StmtKind.Data:
                    output.Append(((DataStmt)stmt).Text);
                    CheckOutput(output);
                    return Flow.Normal;
                case StmtKind.Emit:
                    Emit(Eval(((EmitStmt)stmt).Value, scope), output);
                    return Flow.Normal;
                case StmtKind.If:
                    return ExecIf((IfStmt)stmt, scope, output);
                case StmtKind.For:
                    return ExecFor((ForStmt)stmt, scope, output);
                case StmtKind.Set:
                    var set = (SetStmt)stmt;
                    Assign(set.Target, Eval(set.Value, scope), scope);
                    return Flow.Normal;
                case StmtKind.SetBlock:
                    return ExecSetBlock((SetBlockStmt)stmt, scope);
                case StmtKind.Macro:
                    var def = ((MacroStmt)stmt).Def;
                    scope.Set(def.Name, new Macro(def, scope));
                    return Flow.Normal;
                case StmtKind.CallBlock:
                    ExecCallBlock((CallBlockStmt)stmt, scope, output);
                    return Flow.Normal;
                case StmtKind.FilterBlock:
                    return ExecFilterBlock((FilterBlockStmt)stmt, scope, output);
                case StmtKind.With:
                    return ExecWith((WithStmt)stmt, scope, output);
                case StmtKind.Do:
                    Eval(((DoStmt)stmt).Value, scope);
                    return Flow.Normal;
                case StmtKind.Break:
                    return Flow.Break;
                case StmtKind.Continue:
                    return Flow.Continue;
                case StmtKind.Include:
                    ExecInclude((IncludeStmt)stmt, scope, output);
                    return Flow.Normal;
                case StmtKind.Import:
                    ExecImport((ImportStmt)stmt, scope);
                    return Flow.Normal;
                case StmtKind.FromImport:
                    ExecFromImport((FromImportStmt)stmt, scope);
                    return Flow.Normal;
                case StmtKind.Extends:
                    ExecExtends((ExtendsStmt)stmt, scope);
                    return Flow.Normal;
                case StmtKind.Block:
                    ExecBlock((BlockStmt)stmt, scope, output);
                    return Flow.Normal;
                case StmtKind.BlockTag:
                    var tag = (BlockTagStmt)stmt;
                    if (tag.Macro is not null)
                    {
                        scope.Set(tag.Macro.Name, new Macro(tag.Macro, scope));
                    }

                    return Flow.Normal;
                case StmtKind.Scope:
                    return ExecBody(((ScopeStmt)stmt).Body, new Scope(scope.Frame, scope.Template, scope), output);
                default:
                    throw new TemplateException(ErrorKind.TemplateRuntimeError, $"unsupported statement {stmt.Kind}");
            }
        }
        catch (TemplateException error) when (!error.HasLocation)
        {
            throw Locate(error, stmt.Span, scope);
        }
    }

    /// <summary>Prints a value as Jinja2 does (<c>str()</c>), without allocating for strings and ints.</summary>
    private void Emit(object? value, StringBuilder output)
    {
        switch (value)
        {
            case string s:
                output.Append(s);
                break;
            case long l:
                output.Append(CultureInfo.InvariantCulture, $"{l}");
                break;
            default:
                output.Append(PyOps.ToStr(value));
                break;
        }

        CheckOutput(output);
    }

    private Flow ExecIf(IfStmt stmt, Scope scope, StringBuilder output)
    {
        for (var i = 0; i < stmt.Tests.Length; i++)
        {
            if (PyOps.IsTrue(Eval(stmt.Tests[i], scope)))
            {
                return ExecBody(stmt.Bodies[i], scope, output);
            }
        }

        return stmt.Else is null ? Flow.Normal : ExecBody(stmt.Else, scope, output);
    }

    /// <summary>
    /// Jinja2 compiles set and filter blocks inline, so a <c>break</c>/<c>continue</c> in their body
    /// leaves the enclosing loop at once and the block assigns or prints nothing.
    /// </summary>
    private Flow ExecSetBlock(SetBlockStmt stmt, Scope scope)
    {
        var buffer = BufferPool.Rent();
        var flow = ExecBody(stmt.Body, new Scope(scope.Frame, scope.Template, scope), buffer);
        object? value = BufferPool.ToStringAndReturn(buffer);
        if (flow != Flow.Normal)
        {
            return flow;
        }

        if (stmt.Filter is not null)
        {
            value = ApplyFilterChain(stmt.Filter, value, scope);
        }

        Assign(stmt.Target, value, scope);
        return Flow.Normal;
    }

    private Flow ExecFilterBlock(FilterBlockStmt stmt, Scope scope, StringBuilder output)
    {
        var buffer = BufferPool.Rent();
        var flow = ExecBody(stmt.Body, new Scope(scope.Frame, scope.Template, scope), buffer);
        var text = BufferPool.ToStringAndReturn(buffer);
        if (flow != Flow.Normal)
        {
            return flow;
        }

        Emit(ApplyFilterChain(stmt.Filter, text, scope), output);
        return Flow.Normal;
    }

    /// <summary>Applies a filter chain whose innermost operand is missing (set and filter blocks) to <paramref name="value"/>.</summary>
    private object? ApplyFilterChain(FilterExpr filter, object? value, Scope scope)
    {
        if (filter.Operand is FilterExpr inner)
        {
            value = ApplyFilterChain(inner, value, scope);
        }

        return CallFilter(filter, value, scope);
    }

    private Flow ExecWith(WithStmt stmt, Scope scope, StringBuilder output)
    {
        var inner = new Scope(scope.Frame, scope.Template, scope, stmt.Targets.Length);
        for (var i = 0; i < stmt.Targets.Length; i++)
        {
            Assign(stmt.Targets[i], Eval(stmt.Values[i], scope), inner);
        }

        return ExecBody(stmt.Body, inner, output);
    }

    private void ExecCallBlock(CallBlockStmt stmt, Scope scope, StringBuilder output)
    {
        var caller = new Macro(stmt.Caller, scope);
        var value = EvalCall(stmt.Call, scope, caller);
        Emit(value, output);
    }

    /// <summary>Stores a value into a name, a tuple of targets (unpacking) or a namespace attribute.</summary>
    internal void Assign(Target target, object? value, Scope scope)
    {
        switch (target.Kind)
        {
            case TargetKind.Name:
                scope.Set(target.Name, value);
                break;
            case TargetKind.Tuple:
                var items = target.Items;
                var values = Unpack(value, items.Length);
                for (var i = 0; i < items.Length; i++)
                {
                    Assign(items[i], values[i], scope);
                }

                break;
            default:
                if (Lookup(target.Name, scope) is not Namespace ns)
                {
                    throw new TemplateException(ErrorKind.TemplateRuntimeError, "cannot assign attribute on non-namespace object");
                }

                ns.Set(target.Attribute!, value);
                break;
        }
    }

    private static IReadOnlyList<object?> Unpack(object? value, int expected)
    {
        IReadOnlyList<object?> values = value switch
        {
            List<object?> list => list,
            PyTuple tuple => tuple,
            _ => PyOps.ToList(value),
        };
        if (values.Count < expected)
        {
            throw new TemplateException(
                ErrorKind.ValueError,
                string.Create(CultureInfo.InvariantCulture, $"not enough values to unpack (expected {expected}, got {values.Count})"));
        }

        if (values.Count > expected)
        {
            throw new TemplateException(
                ErrorKind.ValueError,
                string.Create(CultureInfo.InvariantCulture, $"too many values to unpack (expected {expected})"));
        }

        return values;
    }
}
