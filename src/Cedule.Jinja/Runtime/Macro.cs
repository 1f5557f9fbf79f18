using Cedule.Jinja.Syntax.Ast;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Runtime;

/// <summary>
/// A macro (or a call block's <c>caller</c>) bound to the scope it was defined in. Immutable
/// and safe to share between renders and threads: each call runs in a fresh scope.
/// </summary>
internal sealed class Macro : IJinjaCallable, IJinjaObject
{
    public Macro(MacroDef def, Scope closure)
    {
        Def = def;
        Closure = closure;
        Template = closure.Template;
    }

    /// <summary>The template the macro was written in, where its errors are located.</summary>
    public Template Template { get; }

    public MacroDef Def { get; }

    public Scope Closure { get; }

    public string Name => Def.Name;

    public object? Call(IRuntime runtime, Arguments arguments)
    {
        if (runtime is not Renderer renderer)
        {
            throw new TemplateException(ErrorKind.TemplateRuntimeError, "a macro can only be called during a render");
        }

        return renderer.InvokeMacro(this, arguments);
    }

    public bool TryGetAttribute(string name, out object? value)
    {
        switch (name)
        {
            case "name":
            case "__name__":
                value = Def.Name;
                return true;
            case "arguments":
                value = new PyTuple(Def.Parameters);
                return true;
            case "catch_kwargs":
                value = Def.CatchKwargs;
                return true;
            case "catch_varargs":
                value = Def.CatchVarargs;
                return true;
            case "caller":
                value = Def.UsesCaller;
                return true;
            case "explicit_caller":
                value = Array.IndexOf(Def.Parameters, "caller") >= 0;
                return true;
            default:
                value = null;
                return false;
        }
    }

    public string ToPythonString() => $"<Macro '{Def.Name}'>";
}
