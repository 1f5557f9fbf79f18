namespace Cedule.Core.Graph;

/// <summary>The longest chain of dependent nodes by duration (see <see cref="Dag.GetCriticalPath"/>).</summary>
/// <param name="UniqueIds">The chain, from a root to its last node.</param>
/// <param name="Duration">The sum of the chain's durations.</param>
public sealed record CriticalPath(IReadOnlyList<string> UniqueIds, TimeSpan Duration);
