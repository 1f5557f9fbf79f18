using Cedule.Server.Persistence;

namespace Cedule.Server.Apis;

/// <summary>What the API handlers need, bundled so that a unit test can call a handler directly.</summary>
/// <param name="Db">The metadata store.</param>
/// <param name="Time">The clock.</param>
public sealed record ApiServices(CeduleDbContext Db, TimeProvider Time);
