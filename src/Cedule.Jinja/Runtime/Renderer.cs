using System.Runtime.CompilerServices;
using System.Text;
using Cedule.Jinja.Syntax;
using Cedule.Jinja.Syntax.Ast;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Runtime;

/// <summary>Whether a statement list ended normally or by <c>break</c>/<c>continue</c> (no exceptions on that path).</summary>
internal enum Flow
{
    Normal,
    Break,
    Continue,
}

/// <summary>
/// The tree-walking interpreter for one render on one thread, and the <see cref="IRuntime"/>
/// that filters, tests and host callables receive. Templates stay immutable; all render state
/// (fuel, depth, variables) lives here.
/// </summary>
internal sealed partial class Renderer : IRuntime
{
    private const int CancellationCheckInterval = 1024;

    private readonly Environment environment;
    private readonly CancellationToken cancellationToken;
    private readonly bool strict;
    private readonly int maxDepth;
    private readonly long maxOutput;
    private long fuel;
    private int cancellationCountdown = CancellationCheckInterval;
    private int depth;
    private StringBuilder? discard;
    private Dictionary<(string Type, string Name), string>? noAttributeHints;
    private Dictionary<ForStmt, LoopState>? loopStates;
    private Dictionary<MacroDef, Scope>? macroScopes;

    public Renderer(Environment environment, VariableSource renderVars, CancellationToken cancellationToken)
    {
        this.environment = environment;
        this.cancellationToken = cancellationToken;
        RenderVars = renderVars;
        var options = environment.Options;
        strict = options.StrictUndefined;
        maxDepth = options.MaxRecursion;
        maxOutput = options.MaxOutputLength ?? long.MaxValue;
        fuel = options.MaxFuel ?? long.MaxValue;
    }

    public Environment Environment => environment;

    /// <summary>The variables of the render itself, which host-made modules fall back to.</summary>
    public VariableSource RenderVars { get; }

    /// <summary>A sink for output that Jinja2 computes but never shows (after <c>extends</c>).</summary>
    private StringBuilder Discard
    {
        get
        {
            discard ??= new StringBuilder();
            discard.Clear();
            return discard;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Step()
    {
        if (--fuel < 0 || --cancellationCountdown <= 0)
        {
            StepSlow(0);
        }
    }

    private void StepSlow(long amount)
    {
        if (cancellationCountdown <= 0)
        {
            cancellationCountdown = CancellationCheckInterval;
            if (cancellationToken.IsCancellationRequested)
            {
                throw new TemplateException(ErrorKind.Cancelled, "the render was cancelled");
            }
        }

        if (fuel < 0)
        {
            fuel = -1;
            throw new TemplateException(
                ErrorKind.FuelExhausted,
                $"the template used more than {environment.Options.MaxFuel ?? long.MaxValue} steps");
        }

        _ = amount;
    }

    /// <inheritdoc />
    public void ConsumeFuel(long amount)
    {
        if (amount <= 0)
        {
            return;
        }

        fuel = fuel - amount > fuel ? long.MinValue : fuel - amount;
        if (fuel < 0 || --cancellationCountdown <= 0)
        {
            StepSlow(amount);
        }
    }

    /// <summary>Counts one level of macro call, include or recursive loop, refusing to overflow the stack.</summary>
    private void EnterCall()
    {
        if (++depth > maxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            depth--;
            throw new TemplateException(ErrorKind.RecursionLimit, $"maximum recursion depth of {maxDepth} exceeded");
        }
    }

    private void LeaveCall() => depth--;

    /// <summary>
    /// Fails with <see cref="ErrorKind.RecursionLimit"/> when the thread's stack runs low. The
    /// parser bounds the nesting of statements and the height of expressions, but a host may
    /// render on a small stack or raise the limits; an overflow would kill the process.
    /// </summary>
    private static void EnsureStack()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new TemplateException(ErrorKind.RecursionLimit, "maximum recursion depth exceeded (the stack is nearly full)");
        }
    }

    private void CheckOutput(StringBuilder output)
    {
        if (output.Length > maxOutput)
        {
            throw new TemplateException(ErrorKind.OutputLimit, $"the output is longer than {maxOutput} characters");
        }
    }

    /// <inheritdoc />
    public Undefined MakeUndefined(string? hint = null, string? name = null) => new(hint, name, strict);

    /// <summary>Resolves a variable: scopes (innermost first), then outer variables, globals, host fallbacks.</summary>
    internal object? Lookup(string name, Scope scope) =>
        TryLookupLocal(name, scope, out var local) ? local : LookupOuter(name, scope);

    private static bool TryLookupLocal(string name, Scope scope, out object? value)
    {
        for (var s = scope; s is not null; s = s.Parent)
        {
            if (s.TryGetLocal(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>The part of <see cref="Lookup"/> after the scopes: outer variables, globals, host fallbacks.</summary>
    private object? LookupOuter(string name, Scope scope)
    {
        var frame = scope.Frame;
        if (frame.Vars.TryGet(name, out var value))
        {
            return value;
        }

        if (environment.GlobalsSnapshot.TryGetValue(name, out value))
        {
            return value;
        }

        if (frame.FallsBackToRender && RenderVars.TryGet(name, out value))
        {
            return value;
        }

        if (string.Equals(name, "self", StringComparison.Ordinal))
        {
            return new TemplateReference(this, frame);
        }

        return new Undefined(null, name, strict);
    }

    /// <summary>Attaches the location of <paramref name="span"/> in the scope's template to an error that has none.</summary>
    internal static TemplateException Locate(TemplateException error, Span span, Scope scope)
    {
        var template = scope.Template;
        return error.WithLocation(template.Name, span.Line, span.Column, template.Source.LineText(span.Line));
    }

    internal static string PositionText(Span span, Template template) =>
        template.Name is null ? $"line {span.Line}" : $"line {span.Line} in '{template.Name}'";
}
