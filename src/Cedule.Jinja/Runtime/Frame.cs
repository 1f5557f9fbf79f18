using Cedule.Jinja.Syntax.Ast;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Runtime;

/// <summary>
/// One execution of a template's top level: the render itself, an include, an import or a
/// module a host made. It owns the top-level scope, the outer variables (render variables or
/// none, for an import without context) and, for inheritance, the chains of blocks.
/// </summary>
internal sealed class Frame
{
    public Frame(Template template, VariableSource vars, Scope? parentScope)
    {
        Template = template;
        Vars = vars;
        Root = new Scope(this, parentScope, 8);
    }

    public Template Template { get; private set; }

    public VariableSource Vars { get; }

    public Scope Root { get; }

    /// <summary>
    /// True for modules a host made: names they cannot resolve are looked up in the variables of
    /// whichever render calls their macros (dbt macros see the calling node's context).
    /// </summary>
    public bool FallsBackToRender { get; init; }

    /// <summary>Set once <c>{% extends %}</c> ran: the rest of the top level renders nothing.</summary>
    public Template? ParentTemplate { get; set; }

    /// <summary>Block overrides, most derived first, created on first inheritance use.</summary>
    public Dictionary<string, List<BlockRef>>? Blocks { get; set; }

    /// <summary>Names assigned at the top level, in order: what an import exports.</summary>
    public List<string> Exported { get; } = [];

    /// <summary>While rendering a parent of an extends chain, errors name the template being run.</summary>
    public void SwitchTemplate(Template template)
    {
        Template = template;
        Root.Template = template;
    }
}

/// <summary>A block body and the template it was written in.</summary>
internal sealed record BlockRef(BlockStmt Block, Template Template);

/// <summary>
/// The variables a template sees beyond its own scopes: the host's render variables (converted
/// on first use and then cached, so mutations are seen), a host resolver, or nothing.
/// </summary>
internal sealed class VariableSource
{
    public static readonly VariableSource Empty = new(null, null, frozen: true);

    private readonly IReadOnlyDictionary<string, object?>? vars;
    private readonly VariableResolver? resolver;
    private readonly Dictionary<string, object?>? converted;

    private VariableSource(IReadOnlyDictionary<string, object?>? vars, VariableResolver? resolver, bool frozen)
    {
        this.resolver = resolver;
        if (frozen && vars is not null)
        {
            // Shared across threads (host modules): convert everything now, never write later.
            converted = new Dictionary<string, object?>(vars.Count, StringComparer.Ordinal);
            foreach (var pair in vars)
            {
                converted[pair.Key] = PyConvert.FromDotNet(pair.Value);
            }
        }
        else
        {
            this.vars = vars;
            converted = vars is null ? null : new Dictionary<string, object?>(StringComparer.Ordinal);
        }
    }

    /// <summary>Variables of one render on one thread: converted lazily.</summary>
    public static VariableSource ForRender(IReadOnlyDictionary<string, object?>? vars, VariableResolver? resolver) =>
        vars is null && resolver is null ? Empty : new(vars, resolver, frozen: false);

    /// <summary>Variables of a module that may be shared between threads.</summary>
    public static VariableSource Frozen(IReadOnlyDictionary<string, object?>? vars, VariableResolver? resolver) =>
        vars is null && resolver is null ? Empty : new(vars, resolver, frozen: true);

    public bool TryGet(string name, out object? value)
    {
        if (converted is not null)
        {
            if (converted.TryGetValue(name, out value))
            {
                return true;
            }

            if (vars is not null && vars.TryGetValue(name, out var raw))
            {
                value = PyConvert.FromDotNet(raw);
                converted[name] = value;
                return true;
            }
        }

        if (resolver is not null && resolver(name, out var resolved))
        {
            value = PyConvert.FromDotNet(resolved);
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Every known name and value (for <c>include</c> with context, which copies them).</summary>
    public IEnumerable<string> Names => vars?.Keys ?? (IEnumerable<string>?)converted?.Keys ?? [];
}
