using System.Reflection;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Runtime;

/// <summary>Installs the built-in filters and tests owned by <c>Filters/</c> and <c>Tests/</c>.</summary>
internal static class Builtins
{
    public static void Register(IDictionary<string, FilterFunc> filters, IDictionary<string, TestFunc> tests)
    {
        // The built-ins are written in parallel; bind by name until both registries exist.
        Invoke("Cedule.Jinja.Filters.BuiltinFilters", filters);
        Invoke("Cedule.Jinja.Tests.BuiltinTests", tests);
    }

    private static void Invoke(string typeName, object dictionary)
    {
        var method = typeof(Builtins).Assembly.GetType(typeName)?.GetMethod("Register", BindingFlags.Public | BindingFlags.Static);
        method?.Invoke(null, [dictionary]);
    }
}
