using System.Globalization;
using Cedule.Jinja.Syntax.Ast;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Runtime;

/// <summary>
/// The <c>loop</c> variable: position, neighbours, <c>cycle</c>, <c>changed</c>, and for
/// recursive loops a callable <c>loop(children)</c>. Updated in place each iteration.
/// </summary>
internal sealed class LoopContext : IJinjaObject, IJinjaCallable
{
    private static readonly object NoValue = new();
    private readonly ForStmt? recursiveLoop;
    private readonly bool strict;
    private IReadOnlyList<object?> items;
    private Scope outerScope;
    private object? lastChanged = NoValue;

    public LoopContext(IReadOnlyList<object?> items, int depth0, ForStmt? recursiveLoop, Scope outerScope, bool strict)
    {
        this.strict = strict;
        this.items = items;
        Depth0 = depth0;
        this.recursiveLoop = recursiveLoop;
        this.outerScope = outerScope;
    }

    public int Index0 { get; set; }

    public int Depth0 { get; private set; }

    public int Length => items.Count;

    /// <summary>Starts a new run of a non-recursive loop whose body cannot have kept this object.</summary>
    public void Reset(IReadOnlyList<object?> newItems, int depth0, Scope newOuterScope)
    {
        items = newItems;
        Depth0 = depth0;
        outerScope = newOuterScope;
        Index0 = 0;
        lastChanged = NoValue;
    }

    public bool TryGetAttribute(string name, out object? value)
    {
        switch (name)
        {
            case "index":
                value = PyOps.Box(Index0 + 1);
                return true;
            case "index0":
                value = PyOps.Box(Index0);
                return true;
            case "revindex":
                value = PyOps.Box(Length - Index0);
                return true;
            case "revindex0":
                value = PyOps.Box(Length - Index0 - 1);
                return true;
            case "first":
                value = PyOps.Box(Index0 == 0);
                return true;
            case "last":
                value = PyOps.Box(Index0 == Length - 1);
                return true;
            case "length":
                value = PyOps.Box(Length);
                return true;
            case "depth":
                value = PyOps.Box(Depth0 + 1);
                return true;
            case "depth0":
                value = PyOps.Box(Depth0);
                return true;
            case "previtem":
                value = Index0 > 0 ? items[Index0 - 1] : new Undefined("there is no previous item", "previtem", strict);
                return true;
            case "nextitem":
                value = Index0 + 1 < Length ? items[Index0 + 1] : new Undefined("there is no next item", "nextitem", strict);
                return true;
            case "cycle":
                value = new JinjaFunction("cycle", (_, arguments) => Cycle(arguments));
                return true;
            case "changed":
                value = new JinjaFunction("changed", (_, arguments) => Changed(arguments));
                return true;
            default:
                value = null;
                return false;
        }
    }

    internal object? Cycle(Arguments arguments)
    {
        if (arguments.Count == 0)
        {
            throw new TemplateException(ErrorKind.TypeError, "no items for cycling given");
        }

        return arguments.Positional[Index0 % arguments.Count];
    }

    private object Changed(Arguments arguments)
    {
        object? value = new PyTuple([.. arguments.Positional]);
        if (lastChanged == NoValue || !PyOps.Equals(lastChanged, value))
        {
            lastChanged = value;
            return PyOps.Box(true);
        }

        return PyOps.Box(false);
    }

    /// <summary>Recursive loops: <c>loop(children)</c> renders the loop body over the children one level deeper.</summary>
    public object? Call(IRuntime runtime, Arguments arguments)
    {
        if (recursiveLoop is null)
        {
            throw new TemplateException(
                ErrorKind.TypeError,
                "Tried to call non recursive loop.  Maybe you forgot the 'recursive' modifier.");
        }

        if (arguments.Count != 1)
        {
            throw new TemplateException(ErrorKind.TypeError, "loop() takes exactly one argument");
        }

        return ((Renderer)runtime).RenderRecursiveLoop(recursiveLoop, arguments.Positional[0], outerScope, Depth0 + 1);
    }

    public string ToPythonString() =>
        string.Create(CultureInfo.InvariantCulture, $"<LoopContext {Index0 + 1}/{Length}>");
}
