using System.Text;
using Cedule.Jinja.Syntax.Ast;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Runtime;

internal sealed partial class Renderer
{
    /// <summary>Runs a template's top level in <paramref name="frame"/>, then the templates it extends.</summary>
    internal void ExecTemplate(Frame frame, StringBuilder output)
    {
        EnterCall();
        try
        {
            var template = frame.Template;
            frame.Blocks = null;
            AddBlocks(frame, template);
            ExecTop(template.Ast.Body, frame, output);
            while (frame.ParentTemplate is { } parent)
            {
                frame.ParentTemplate = null;
                frame.SwitchTemplate(parent);
                ExecTop(parent.Ast.Body, frame, output);
            }
        }
        finally
        {
            LeaveCall();
        }
    }

    private static void AddBlocks(Frame frame, Template template)
    {
        if (template.Ast.Blocks.Count == 0)
        {
            return;
        }

        frame.Blocks ??= new Dictionary<string, List<BlockRef>>(StringComparer.Ordinal);
        foreach (var pair in template.Ast.Blocks)
        {
            if (!frame.Blocks.TryGetValue(pair.Key, out var chain))
            {
                frame.Blocks[pair.Key] = chain = [];
            }

            chain.Add(new BlockRef(pair.Value, template));
        }
    }

    private void ExecTop(Stmt[] body, Frame frame, StringBuilder output)
    {
        var scope = frame.Root;
        foreach (var stmt in body)
        {
            if (frame.ParentTemplate is null)
            {
                Exec(stmt, scope, output);
            }
            else if (stmt.Kind is not (StmtKind.Data or StmtKind.Emit or StmtKind.Block))
            {
                Exec(stmt, scope, Discard);
            }
        }
    }

    private void ExecExtends(ExtendsStmt stmt, Scope scope)
    {
        var frame = scope.Frame;
        if (frame.ParentTemplate is not null)
        {
            throw new TemplateException(ErrorKind.TemplateRuntimeError, "extended multiple times");
        }

        var parent = SelectTemplate(Eval(stmt.Template, scope), scope, ignoreMissing: false)!;
        frame.ParentTemplate = parent;
        AddBlocks(frame, parent);
    }

    private void ExecBlock(BlockStmt stmt, Scope scope, StringBuilder output)
    {
        var frame = scope.Frame;
        if (frame.Blocks is not null && frame.Blocks.TryGetValue(stmt.Name, out var chain))
        {
            RenderBlock(chain, 0, stmt.Scoped ? scope : frame.Root, output);
        }
        else
        {
            RenderBlock([new BlockRef(stmt, scope.Template)], 0, stmt.Scoped ? scope : frame.Root, output);
        }
    }

    internal void RenderBlock(List<BlockRef> chain, int index, Scope parentScope, StringBuilder output)
    {
        var block = chain[index];
        if (block.Block.Required)
        {
            throw new TemplateException(ErrorKind.TemplateRuntimeError, $"Required block '{block.Block.Name}' not found");
        }

        var scope = new Scope(parentScope.Frame, block.Template, parentScope, 2);
        if (index + 1 < chain.Count)
        {
            scope.Set("super", new SuperBlock(chain, index + 1, parentScope));
        }

        EnterCall();
        try
        {
            ExecBody(block.Block.Body, scope, output);
        }
        finally
        {
            LeaveCall();
        }
    }

    private void ExecInclude(IncludeStmt stmt, Scope scope, StringBuilder output)
    {
        var template = SelectTemplate(Eval(stmt.Template, scope), scope, stmt.IgnoreMissing);
        if (template is null)
        {
            return;
        }

        var frame = stmt.WithContext
            ? new Frame(template, scope.Frame.Vars, scope)
            : new Frame(template, VariableSource.Empty, null);
        ExecTemplate(frame, output);
    }

    private void ExecImport(ImportStmt stmt, Scope scope)
    {
        var template = SelectTemplate(Eval(stmt.Template, scope), scope, ignoreMissing: false)!;
        scope.Set(stmt.Target, MakeModule(template, stmt.WithContext, scope));
    }

    private void ExecFromImport(FromImportStmt stmt, Scope scope)
    {
        var template = SelectTemplate(Eval(stmt.Template, scope), scope, ignoreMissing: false)!;
        var module = MakeModule(template, stmt.WithContext, scope);
        for (var i = 0; i < stmt.Names.Length; i++)
        {
            var name = stmt.Names[i];
            if (!module.TryGetAttribute(name, out var value))
            {
                value = MakeUndefined(
                    $"the template '{template.Name}' (imported on {PositionText(stmt.Span, scope.Template)}) does not export the requested name '{name}'",
                    name);
            }

            scope.Set(stmt.Aliases[i], value);
        }
    }

    private TemplateModule MakeModule(Template template, bool withContext, Scope scope)
    {
        var frame = withContext
            ? new Frame(template, scope.Frame.Vars, scope)
            : new Frame(template, VariableSource.Empty, null);
        var output = new StringBuilder();
        ExecTemplate(frame, output);
        return new TemplateModule(template, frame.Root, output.ToString());
    }

    /// <summary>A template by name, a template object, or the first existing one of a list (Jinja2's <c>select_template</c>).</summary>
    private Template? SelectTemplate(object? value, Scope scope, bool ignoreMissing)
    {
        switch (value)
        {
            case Template template:
                return template;
            case string name:
                var found = environment.TryGetTemplate(name, scope.Template.Name);
                if (found is null && !ignoreMissing)
                {
                    throw new TemplateException(ErrorKind.TemplateNotFound, name);
                }

                return found;
            case List<object?> or PyTuple:
                var names = new List<string>();
                foreach (var item in PyOps.Iterate(value))
                {
                    if (item is Template candidate)
                    {
                        return candidate;
                    }

                    var itemName = PyOps.ToStr(item);
                    names.Add(itemName);
                    var match = environment.TryGetTemplate(itemName, scope.Template.Name);
                    if (match is not null)
                    {
                        return match;
                    }
                }

                if (ignoreMissing)
                {
                    return null;
                }

                throw new TemplateException(
                    ErrorKind.TemplateNotFound,
                    names.Count == 0
                        ? "Tried to select from an empty list of templates."
                        : $"none of the templates given were found: {string.Join(", ", names)}");
            case Undefined undefined:
                throw undefined.Fail();
            default:
                throw new TemplateException(ErrorKind.TemplateNotFound, PyOps.ToStr(value));
        }
    }
}
