using Cedule.Adapters.DuckDb;
using Cedule.Adapters.Postgres;
using Cedule.Core.Execution.Adapters;

namespace Cedule.Cli;

/// <summary>The database drivers this binary carries (the server role never uses them).</summary>
internal static class Drivers
{
    public static AdapterDrivers All { get; } = new(new DuckDbDriver(), new PostgresDriver());
}
