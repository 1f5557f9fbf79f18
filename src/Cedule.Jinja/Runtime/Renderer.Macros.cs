using System.Globalization;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Runtime;

internal sealed partial class Renderer
{
    /// <summary>Binds arguments exactly as Jinja2's <c>Macro.__call__</c> does, then renders the body.</summary>
    internal object? InvokeMacro(Macro macro, Arguments arguments)
    {
        var def = macro.Def;
        var parameters = def.Parameters;
        var count = parameters.Length;
        var positional = arguments.Positional;
        var keywords = arguments.Keywords;
        var extra = (def.UsesCaller ? 1 : 0) + (def.CatchVarargs ? 1 : 0) + (def.CatchKwargs ? 1 : 0);
        var scope = TakeMacroScope(def);
        if (scope is null)
        {
            scope = new Scope(macro.Closure.Frame, macro.Template, macro.Closure, count + extra);
        }
        else
        {
            scope.Rebind(macro.Closure.Frame, macro.Template, macro.Closure);
        }

        var used = keywords.Count == 0 ? null : new bool[keywords.Count];
        var bound = Math.Min(positional.Count, count);
        for (var i = 0; i < bound; i++)
        {
            scope.Set(parameters[i], positional[i]);
        }

        bool[]? missing = null;
        bool foundCaller;
        if (bound < count)
        {
            foundCaller = false;
            for (var i = bound; i < count; i++)
            {
                var name = parameters[i];
                var index = FindKeyword(keywords, used, name);
                if (index >= 0)
                {
                    used![index] = true;
                    scope.Set(name, keywords[index].Value);
                }
                else
                {
                    // Until its default is evaluated, a missing parameter is undefined, even inside the defaults.
                    (missing ??= new bool[count])[i] = true;
                    scope.Set(name, MakeUndefined(null, name));
                }

                if (string.Equals(name, "caller", StringComparison.Ordinal))
                {
                    foundCaller = true;
                }
            }
        }
        else
        {
            foundCaller = Array.IndexOf(parameters, "caller") >= 0;
        }

        if (def.UsesCaller && !foundCaller)
        {
            var index = FindKeyword(keywords, used, "caller");
            object? caller;
            if (index >= 0)
            {
                used![index] = true;
                caller = keywords[index].Value;
            }
            else
            {
                caller = MakeUndefined("No caller defined", "caller");
            }

            scope.Set("caller", caller);
        }

        BindExtraKeywords(def, keywords, used, scope);
        if (def.CatchVarargs)
        {
            scope.Set("varargs", positional.Count > count ? new PyTuple(positional.Skip(count).ToArray()) : PyTuple.Empty);
        }
        else if (positional.Count > count)
        {
            throw new TemplateException(
                ErrorKind.TypeError,
                string.Create(CultureInfo.InvariantCulture, $"macro '{def.Name}' takes not more than {count} argument(s)"));
        }

        EnterCall();
        try
        {
            if (missing is not null)
            {
                for (var i = 0; i < count; i++)
                {
                    if (missing[i])
                    {
                        var defaultExpr = def.Defaults[i];
                        scope.Set(parameters[i], defaultExpr is null
                            ? MakeUndefined($"parameter '{parameters[i]}' was not provided", parameters[i])
                            : Eval(defaultExpr, scope));
                    }
                }
            }

            var output = BufferPool.Rent();
            try
            {
                ExecBody(def.Body, scope, output);
                var text = output.ToString();
                if (def.ScopeReusable)
                {
                    macroScopes ??= new Dictionary<Syntax.Ast.MacroDef, Scope>(ReferenceEqualityComparer.Instance);
                    macroScopes[def] = scope;
                }

                return text;
            }
            finally
            {
                BufferPool.Return(output);
            }
        }
        catch (MacroReturn signal)
        {
            return signal.Value;
        }
        finally
        {
            LeaveCall();
        }
    }

    /// <summary>
    /// The scope a previous call of <paramref name="def"/> left (<see cref="Syntax.Ast.MacroDef.ScopeReusable"/>),
    /// taken out while in use so a nested call of the same macro gets a fresh one.
    /// </summary>
    private Scope? TakeMacroScope(Syntax.Ast.MacroDef def) =>
        def.ScopeReusable && macroScopes is not null && macroScopes.Remove(def, out var scope) ? scope : null;

    private static int FindKeyword(IReadOnlyList<KeyValuePair<string, object?>> keywords, bool[]? used, string name)
    {
        for (var i = 0; i < keywords.Count; i++)
        {
            if (!used![i] && string.Equals(keywords[i].Key, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static void BindExtraKeywords(Syntax.Ast.MacroDef def, IReadOnlyList<KeyValuePair<string, object?>> keywords, bool[]? used, Scope scope)
    {
        PyDict? extra = def.CatchKwargs ? new PyDict() : null;
        for (var i = 0; i < keywords.Count; i++)
        {
            if (used![i])
            {
                continue;
            }

            var key = keywords[i].Key;
            if (extra is not null)
            {
                extra[key] = keywords[i].Value;
                continue;
            }

            if (string.Equals(key, "caller", StringComparison.Ordinal))
            {
                throw new TemplateException(
                    ErrorKind.TypeError,
                    $"macro '{def.Name}' was invoked with two values for the special caller argument. This is most likely a bug.");
            }

            throw new TemplateException(ErrorKind.TypeError, $"macro '{def.Name}' takes no keyword argument '{key}'");
        }

        if (extra is not null)
        {
            scope.Set("kwargs", extra);
        }
    }
}
