using Cedule.Jinja.Values;

namespace Cedule.Core.Parsing;

/// <summary>
/// Every macro of the project and its packages, by package then name, plus the lookups dbt
/// makes: a name seen from a node of package P resolves to P's macro, then the root project's,
/// then Cedule's built-in macros; <c>pkg.name</c> reaches a package's macro; and
/// <c>adapter.dispatch(name, namespace)</c> tries <c>&lt;adapter&gt;__name</c> along the adapter's
/// parent chain, then <c>default__name</c>, in each package of the namespace's search order.
/// </summary>
public sealed class MacroRegistry
{
    /// <summary>The package name under which Cedule's own (dbt's internal) macros are registered.</summary>
    public const string InternalPackage = "dbt";

    private readonly Dictionary<string, Dictionary<string, IJinjaCallable>> _byPackage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _dispatchOrder = new(StringComparer.Ordinal);

    /// <summary>Creates a registry for a project whose root package is <paramref name="rootPackage"/>.</summary>
    public MacroRegistry(string rootPackage, IReadOnlyList<string> adapterChain)
    {
        RootPackage = rootPackage;
        AdapterChain = adapterChain;
    }

    /// <summary>The root project's name.</summary>
    public string RootPackage { get; }

    /// <summary>The adapter and its parents, most specific first (<c>sqlserver, fabric</c>); <c>default</c> is implied last.</summary>
    public IReadOnlyList<string> AdapterChain { get; }

    /// <summary>Packages that have macros.</summary>
    public IEnumerable<string> Packages => _byPackage.Keys;

    /// <summary>Adds (or replaces) a macro of a package.</summary>
    public void Add(string package, string name, IJinjaCallable macro)
    {
        if (!_byPackage.TryGetValue(package, out var macros))
        {
            _byPackage[package] = macros = new Dictionary<string, IJinjaCallable>(StringComparer.Ordinal);
        }

        macros[name] = macro;
    }

    /// <summary>Sets the search order of a macro namespace (<c>dispatch:</c> in dbt_project.yml).</summary>
    public void SetDispatchOrder(string macroNamespace, IReadOnlyList<string> searchOrder) => _dispatchOrder[macroNamespace] = searchOrder;

    /// <summary>The macros of one package (empty when it has none).</summary>
    public IReadOnlyDictionary<string, IJinjaCallable> Of(string package) =>
        _byPackage.TryGetValue(package, out var macros) ? macros : EmptyMacros;

    private static readonly Dictionary<string, IJinjaCallable> EmptyMacros = new(StringComparer.Ordinal);

    /// <summary>Resolves an unqualified macro name as seen from a node of <paramref name="package"/>.</summary>
    public bool TryResolve(string package, string name, out IJinjaCallable? macro, out string? definedIn)
    {
        foreach (var candidate in (string[])[package, RootPackage, InternalPackage])
        {
            if (_byPackage.TryGetValue(candidate, out var macros) && macros.TryGetValue(name, out macro))
            {
                definedIn = candidate;
                return true;
            }
        }

        macro = null;
        definedIn = null;
        return false;
    }

    /// <summary>
    /// dbt's <c>adapter.dispatch</c>: the implementation of <paramref name="name"/> for the current
    /// adapter, searching the namespace's packages (the project's <c>dispatch:</c> order, else the
    /// namespace itself, with the root project first when no order is configured).
    /// </summary>
    public bool TryDispatch(string name, string? macroNamespace, string callerPackage, out IJinjaCallable? macro, out string? resolvedName)
    {
        var packages = SearchOrder(macroNamespace, callerPackage);
        var prefixes = new List<string>(AdapterChain.Count + 1);
        prefixes.AddRange(AdapterChain);
        prefixes.Add("default");
        foreach (var prefix in prefixes)
        {
            var candidate = prefix + "__" + name;
            foreach (var package in packages)
            {
                if (_byPackage.TryGetValue(package, out var macros) && macros.TryGetValue(candidate, out macro))
                {
                    resolvedName = $"macro.{package}.{candidate}";
                    return true;
                }
            }
        }

        // dbt also accepts a plain macro of that name in the namespace.
        foreach (var package in packages)
        {
            if (_byPackage.TryGetValue(package, out var macros) && macros.TryGetValue(name, out macro))
            {
                resolvedName = $"macro.{package}.{name}";
                return true;
            }
        }

        macro = null;
        resolvedName = null;
        return false;
    }

    private List<string> SearchOrder(string? macroNamespace, string callerPackage)
    {
        if (macroNamespace is not null && _dispatchOrder.TryGetValue(macroNamespace, out var configured))
        {
            return [.. configured];
        }

        if (macroNamespace is null)
        {
            return [callerPackage, RootPackage, InternalPackage];
        }

        // As dbt: without a dispatch config a namespace searches only itself, except dbt's own
        // namespace, whose implementations the root project may override.
        return macroNamespace == InternalPackage ? [RootPackage, InternalPackage] : [macroNamespace];
    }
}
