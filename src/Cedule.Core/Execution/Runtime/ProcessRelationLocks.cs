using System.Collections.Concurrent;

namespace Cedule.Core.Execution.Runtime;

/// <summary>
/// Locks on relations shared by every session of the process, for databases without advisory locks
/// whose file only one process can open (DuckDB): there, two attempts of one node can only meet
/// inside one process (an agent that re-leased a task whose first attempt is still running), and
/// DuckDB's optimistic concurrency would fail the second with a write-write conflict instead of
/// letting it wait. A node holds its locks until its execution ends.
/// </summary>
internal static class ProcessRelationLocks
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    /// <summary>Waits for the lock named <paramref name="key"/>; the caller releases it with <see cref="Release"/>.</summary>
    public static SemaphoreSlim Acquire(string key, CancellationToken cancellationToken)
    {
        var semaphore = Locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        semaphore.Wait(cancellationToken);
        return semaphore;
    }

    public static void Release(Dictionary<string, SemaphoreSlim> held)
    {
        foreach (var semaphore in held.Values)
        {
            semaphore.Release();
        }

        held.Clear();
    }
}
