using Cedule.Jinja.Syntax.Ast;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Runtime;

internal sealed partial class Renderer
{
    /// <summary>Evaluates a call; <paramref name="caller"/> is the body of a call block, passed as <c>caller=</c>.</summary>
    internal object? EvalCall(CallExpr call, Scope scope, Macro? caller)
    {
        if (call.Callee is GetAttrExpr method)
        {
            var target = Eval(method.Target, scope);
            if (target is LoopContext loop && string.Equals(method.Name, "cycle", StringComparison.Ordinal))
            {
                // loop.cycle(...) is called, never kept: skip making a bound function per row.
                return loop.Cycle(BuildArguments(call.Args, scope, caller));
            }

            if (target is string or List<object?> or PyDict or long or double)
            {
                var methodArgs = BuildArguments(call.Args, scope, caller);
                if (PyMethods.TryCallMethod(this, target, method.Name, methodArgs, out var result))
                {
                    return result;
                }

                return CallValue(GetAttribute(target, method.Name), methodArgs);
            }

            var callee = GetAttribute(target, method.Name);
            return CallValue(callee, BuildArguments(call.Args, scope, caller));
        }

        var function = Eval(call.Callee, scope);
        return CallValue(function, BuildArguments(call.Args, scope, caller));
    }

    private Arguments BuildArguments(CallArgs args, Scope scope, Macro? caller)
    {
        if (caller is null)
        {
            if (args.IsEmpty)
            {
                return Arguments.Empty;
            }

            if (args.Constant is { } constant)
            {
                // The same fuel as evaluating each literal would have taken.
                for (var i = args.ConstantSteps; i > 0; i--)
                {
                    Step();
                }

                return constant;
            }

            if (args.DynArgs is null && args.KeywordNames.Length == 0 && args.DynKwargs is null)
            {
                // The common shape (positional only): one exact-size array, no list around it.
                var items = new object?[args.Positional.Length];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Eval(args.Positional[i], scope);
                }

                return new Arguments(items);
            }
        }

        var positional = new List<object?>(args.Positional.Length);
        foreach (var expr in args.Positional)
        {
            positional.Add(Eval(expr, scope));
        }

        List<KeyValuePair<string, object?>>? keywords = null;
        if (args.KeywordNames.Length > 0 || caller is not null || args.DynKwargs is not null)
        {
            keywords = new List<KeyValuePair<string, object?>>(args.KeywordNames.Length + 1);
            for (var i = 0; i < args.KeywordNames.Length; i++)
            {
                keywords.Add(new(args.KeywordNames[i], Eval(args.KeywordValues[i], scope)));
            }
        }

        if (args.DynArgs is not null)
        {
            foreach (var item in PyOps.Iterate(Eval(args.DynArgs, scope)))
            {
                positional.Add(item);
            }
        }

        if (args.DynKwargs is not null)
        {
            var extra = Eval(args.DynKwargs, scope);
            if (extra is not PyDict dict)
            {
                if (extra is Undefined undefined && undefined.IsStrict)
                {
                    throw undefined.Fail();
                }

                throw new TemplateException(ErrorKind.TypeError, $"argument after ** must be a mapping, not {PyOps.TypeName(extra)}");
            }

            foreach (var pair in dict)
            {
                if (pair.Key is not string key)
                {
                    throw new TemplateException(ErrorKind.TypeError, "keywords must be strings");
                }

                keywords!.Add(new(key, pair.Value));
            }
        }

        if (caller is not null)
        {
            keywords!.Add(new("caller", caller));
        }

        return new Arguments(positional, keywords);
    }

    /// <inheritdoc />
    public object? Call(object? callable, Arguments arguments) => CallValue(callable, arguments);

    internal object? CallValue(object? callable, Arguments arguments)
    {
        switch (callable)
        {
            case Macro macro:
                return InvokeMacro(macro, arguments);
            case IJinjaCallable function:
                try
                {
                    return function.Call(this, arguments);
                }
                catch (Exception error) when (error is not (TemplateException or MacroReturn))
                {
                    throw WrapHostError(error);
                }

            case Undefined undefined:
                throw undefined.Fail();
            default:
                throw new TemplateException(ErrorKind.TypeError, $"'{PyOps.TypeName(callable)}' object is not callable");
        }
    }

    private TemplateException WrapHostError(Exception error) => error switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested =>
            new TemplateException(ErrorKind.Cancelled, "the render was cancelled", error),
        InsufficientExecutionStackException =>
            new TemplateException(ErrorKind.RecursionLimit, "maximum recursion depth exceeded", error),
        _ => new TemplateException(ErrorKind.TemplateRuntimeError, error.Message, error),
    };

    private object? CallFilter(FilterExpr filter, object? value, Scope scope)
    {
        if (filter.Func is null)
        {
            throw new TemplateException(ErrorKind.TemplateRuntimeError, $"No filter named '{filter.Name}' found.");
        }

        var arguments = BuildArguments(filter.Args, scope, null);
        try
        {
            return filter.Func(this, value, arguments);
        }
        catch (Exception error) when (error is not (TemplateException or MacroReturn))
        {
            throw WrapHostError(error);
        }
    }

    private bool CallTest(TestExpr test, object? value, Scope scope)
    {
        if (test.Func is null)
        {
            throw new TemplateException(ErrorKind.TemplateRuntimeError, $"No test named '{test.Name}' found.");
        }

        var arguments = BuildArguments(test.Args, scope, null);
        try
        {
            return test.Func(this, value, arguments);
        }
        catch (Exception error) when (error is not (TemplateException or MacroReturn))
        {
            throw WrapHostError(error);
        }
    }

    /// <inheritdoc />
    public object? CallFilter(string name, object? value, Arguments arguments)
    {
        if (!environment.FiltersSnapshot.TryGetValue(name, out var filter))
        {
            throw new TemplateException(ErrorKind.TemplateRuntimeError, $"No filter named '{name}'.");
        }

        Step();
        return filter(this, value, arguments);
    }

    /// <inheritdoc />
    public bool HasFilter(string name) => environment.FiltersSnapshot.ContainsKey(name);

    /// <inheritdoc />
    public bool HasTest(string name) => environment.TestsSnapshot.ContainsKey(name);

    /// <inheritdoc />
    public bool CallTest(string name, object? value, Arguments arguments)
    {
        if (!environment.TestsSnapshot.TryGetValue(name, out var test))
        {
            throw new TemplateException(ErrorKind.TemplateRuntimeError, $"No test named '{name}'.");
        }

        Step();
        return test(this, value, arguments);
    }
}
