using Cedule.Jinja.Filters;
using Cedule.Jinja.Tests;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Runtime;

/// <summary>Installs the built-in filters and tests owned by <c>Filters/</c> and <c>Tests/</c>.</summary>
internal static class Builtins
{
    public static void Register(IDictionary<string, FilterFunc> filters, IDictionary<string, TestFunc> tests)
    {
        BuiltinFilters.Register(filters);
        BuiltinTests.Register(tests);
    }
}
