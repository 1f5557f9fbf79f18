using Cedule.Jinja.Values;

namespace Cedule.Jinja.Filters;

/// <summary>
/// Every built-in filter of Jinja2 3.1, with its argument names and Python semantics. Output is
/// not autoescaped: <c>escape</c> returns the escaped string and <c>safe</c> a plain string.
/// </summary>
public static partial class BuiltinFilters
{
    /// <summary>The random source of the <c>random</c> filter; tests replace it with a seeded one.</summary>
    public static Random Random { get; set; } = Random.Shared;

    /// <summary>The names of the built-in filters.</summary>
    public static IReadOnlySet<string> Names { get; } = MakeNames();

    private static HashSet<string> MakeNames()
    {
        var filters = new Dictionary<string, FilterFunc>(StringComparer.Ordinal);
        Register(filters);
        return new HashSet<string>(filters.Keys, StringComparer.Ordinal);
    }

    /// <summary>Adds every built-in filter to <paramref name="filters"/>.</summary>
    public static void Register(IDictionary<string, FilterFunc> filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        RegisterStringFilters(filters);
        RegisterTextFilters(filters);
        RegisterNumberFilters(filters);
        RegisterSequenceFilters(filters);
        RegisterSortFilters(filters);
        RegisterHigherOrderFilters(filters);
        RegisterMarkupFilters(filters);
    }
}
