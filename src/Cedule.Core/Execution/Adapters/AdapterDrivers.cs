namespace Cedule.Core.Execution.Adapters;

/// <summary>The drivers a process has loaded, by profile type. The CLI and the agent fill it; the server never does.</summary>
public sealed class AdapterDrivers
{
    private readonly Dictionary<string, IAdapterDriver> _drivers = new(StringComparer.Ordinal);

    /// <summary>Creates a set of drivers.</summary>
    public AdapterDrivers(params IEnumerable<IAdapterDriver> drivers)
    {
        foreach (var driver in drivers)
        {
            _drivers[driver.Type] = driver;
        }
    }

    /// <summary>The driver for a profile type.</summary>
    /// <exception cref="DatabaseException">No driver serves that type.</exception>
    public IAdapterDriver Get(string type) =>
        _drivers.TryGetValue(type, out var driver) ? driver
            : throw new DatabaseException($"no adapter for profile type '{type}' (this build has: {string.Join(", ", _drivers.Keys.Order(StringComparer.Ordinal))})");
}
