using System.Threading.Channels;
using Cedule.Core.Execution.Adapters;

namespace Cedule.Core.Execution;

/// <summary>What happened to a node, as the runner reports progress.</summary>
/// <param name="UniqueId">The node.</param>
/// <param name="Started">True when it starts; false when it ends (then <paramref name="Result"/> is set).</param>
/// <param name="Result">The outcome, when it ended.</param>
/// <param name="Index">Its 1-based position among the run's nodes.</param>
/// <param name="Total">How many nodes the run has.</param>
public sealed record NodeEvent(string UniqueId, bool Started, NodeResult? Result, int Index, int Total);

/// <summary>The outcome of a run: every node's result in completion order, and the elapsed time.</summary>
/// <param name="Results">One result per planned node (skipped ones included).</param>
/// <param name="Elapsed">Wall time of the whole run.</param>
/// <param name="Cancelled">True when the run was cancelled before it finished.</param>
public sealed record RunOutcome(IReadOnlyList<NodeResult> Results, TimeSpan Elapsed, bool Cancelled)
{
    /// <summary>True when a node errored or an error-severity test failed.</summary>
    public bool HasFailures => Results.Any(r => r.IsFailure);
}

/// <summary>
/// Runs a <see cref="RunPlan"/> with <c>threads</c> workers, each with its own connection: a node
/// starts as soon as everything upstream of it succeeded (passed, or warned), never by level; a
/// failure skips everything downstream of it; <c>fail_fast</c> stops the run at the first failure.
/// </summary>
public sealed class BuildRunner(ExecutionSession session)
{
    /// <summary>Runs the plan and returns every node's result.</summary>
    public async Task<RunOutcome> RunAsync(
        RunPlan plan, int threads, bool failFast = false, Action<NodeEvent>? progress = null, Action<string, LogLine>? log = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var started = session.Time.GetTimestamp();
        var hookResults = new List<NodeResult>();
        var startHooks = RunHooks("on-run-start", null, log, cancellationToken);
        hookResults.AddRange(startHooks);
        if (startHooks.Any(r => r.IsFailure))
        {
            // As dbt with skip_nodes_if_on_run_start_fails: a failed start hook (a grant, a session
            // setting, an audit row) must not let the run publish anything.
            var skipped = plan.Nodes.Select(id => Skipped(id, "an on-run-start hook failed")).ToList();
            hookResults.AddRange(RunHooks("on-run-end", skipped, log, cancellationToken));
            return new RunOutcome([.. hookResults, .. skipped], session.Time.GetElapsedTime(started), cancellationToken.IsCancellationRequested);
        }

        var state = new RunState(plan);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ready = Channel.CreateUnbounded<string>();
        foreach (var id in plan.Nodes.Where(id => plan.Upstream(id).Count == 0))
        {
            ready.Writer.TryWrite(id);
        }

        if (plan.Nodes.Count == 0)
        {
            ready.Writer.TryComplete();
        }

        var workers = Enumerable.Range(0, Math.Max(1, threads))
            .Select(_ => Task.Factory.StartNew(
                () => Work(plan, state, ready, failFast, progress, log, stop),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        // The channel completes only once every node is recorded (run, failed or skipped), so
        // when the workers are done, so is the plan.
        var cancelled = cancellationToken.IsCancellationRequested;
        var nodeResults = state.Results;
        hookResults.AddRange(RunHooks("on-run-end", nodeResults, log, CancellationToken.None));
        return new RunOutcome([.. hookResults.Take(startHooks.Count), .. nodeResults, .. hookResults.Skip(startHooks.Count)], session.Time.GetElapsedTime(started), cancelled);
    }

    /// <summary>Runs project hooks on a connection of their own; a connection failure is the first hook's error.</summary>
    private IReadOnlyList<NodeResult> RunHooks(string hookType, IReadOnlyList<NodeResult>? results, Action<string, LogLine>? log, CancellationToken cancellationToken)
    {
        if (!session.HookNodes(hookType).Any())
        {
            return [];
        }

        IDatabaseConnection? connection = null;
        try
        {
            var failure = Open(session.HookNodes(hookType).First().UniqueId, ref connection, cancellationToken);
            return failure is not null
                ? [failure]
                : session.RunProjectHooks(hookType, connection!, results, log is null ? null : line => log(hookType, line), cancellationToken);
        }
        finally
        {
            connection?.Dispose();
        }
    }

    /// <summary>
    /// One worker, on its own thread from start to end: it waits for the next ready node
    /// synchronously, because after an <c>await</c> it would go on running nodes (blocking
    /// database calls) on thread-pool threads, and with fewer pool threads than workers (2 on a
    /// 2-core machine) a ready node then waits for one to be injected.
    /// </summary>
    private void Work(
        RunPlan plan, RunState state, Channel<string> ready, bool failFast, Action<NodeEvent>? progress, Action<string, LogLine>? log,
        CancellationTokenSource stop)
    {
        IDatabaseConnection? connection = null;
        try
        {
            while (ready.Reader.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
            {
                if (!ready.Reader.TryRead(out var id))
                {
                    continue;
                }

                var index = state.Start();
                progress?.Invoke(new NodeEvent(id, true, null, index, plan.Nodes.Count));
                var result = stop.IsCancellationRequested
                    ? Skipped(id, "cancelled")
                    : Run(id, ref connection, log, stop.Token);
                var newlyReady = state.Record(result);
                progress?.Invoke(new NodeEvent(id, false, result, index, plan.Nodes.Count));
                if (result.IsFailure || result.Status == NodeStatus.Skipped)
                {
                    foreach (var skipped in state.SkipDownstream(id, session.Time.GetUtcNow()))
                    {
                        progress?.Invoke(new NodeEvent(skipped.UniqueId, false, skipped, state.Start(), plan.Nodes.Count));
                    }

                    if (failFast && result.IsFailure)
                    {
                        stop.CancelAsync().GetAwaiter().GetResult();
                    }
                }

                foreach (var next in newlyReady)
                {
                    ready.Writer.TryWrite(next);
                }

                if (state.AllDone)
                {
                    ready.Writer.TryComplete();
                }
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }

    /// <summary>Opens the worker's connection if it has none; a failure to connect is the error result of <paramref name="id"/>.</summary>
    private NodeResult? Open(string id, ref IDatabaseConnection? connection, CancellationToken cancellationToken)
    {
        var now = session.Time.GetUtcNow();
        try
        {
            connection ??= session.OpenConnection(cancellationToken);
            return null;
        }
        catch (DatabaseException e)
        {
            return new NodeResult
            {
                UniqueId = id, Status = NodeStatus.Error, StartedAt = now, CompletedAt = session.Time.GetUtcNow(),
                Message = session.Mask("Database Error: " + e.Message), IsTransient = e.IsTransient,
            };
        }
    }

    /// <summary>Runs one node; Execute turns template and database errors into results, so only cancellation is caught here.</summary>
    private NodeResult Run(string id, ref IDatabaseConnection? connection, Action<string, LogLine>? log, CancellationToken cancellationToken)
    {
        var now = session.Time.GetUtcNow();
        try
        {
            return Open(id, ref connection, cancellationToken)
                ?? session.Execute(id, connection!, log is null ? null : line => log(id, line), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The connection may be mid-statement: a fresh one serves the next node, if any.
            connection?.Dispose();
            connection = null;
            return new NodeResult
            {
                UniqueId = id, Status = NodeStatus.Error, StartedAt = now, CompletedAt = session.Time.GetUtcNow(), Message = "cancelled",
            };
        }
    }

    private NodeResult Skipped(string id, string why)
    {
        var now = session.Time.GetUtcNow();
        return new NodeResult { UniqueId = id, Status = NodeStatus.Skipped, StartedAt = now, CompletedAt = now, Message = why };
    }

    /// <summary>Counts of unfinished parents and the results so far, behind one lock.</summary>
    private sealed class RunState(RunPlan plan)
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<string, int> _waiting = plan.Nodes.ToDictionary(id => id, id => plan.Upstream(id).Count, StringComparer.Ordinal);
        private readonly Dictionary<string, NodeResult> _done = new(StringComparer.Ordinal);
        private readonly List<NodeResult> _ordered = [];
        private int _started;

        public IReadOnlyList<NodeResult> Results
        {
            get
            {
                lock (_lock)
                {
                    return [.. _ordered];
                }
            }
        }

        public bool AllDone
        {
            get
            {
                lock (_lock)
                {
                    return _done.Count == plan.Nodes.Count;
                }
            }
        }

        public int Start() => Interlocked.Increment(ref _started);

        /// <summary>Records a result; returns the children that became ready (none when it failed).</summary>
        public List<string> Record(NodeResult result)
        {
            var ready = new List<string>();
            lock (_lock)
            {
                _done[result.UniqueId] = result;
                _ordered.Add(result);
                if (!result.IsFailure && result.Status != NodeStatus.Skipped)
                {
                    foreach (var child in plan.Downstream(result.UniqueId))
                    {
                        if (--_waiting[child] == 0 && !_done.ContainsKey(child))
                        {
                            ready.Add(child);
                        }
                    }
                }

            }

            return ready;
        }

        /// <summary>Marks everything downstream of a failed node as skipped.</summary>
        public List<NodeResult> SkipDownstream(string failed, DateTimeOffset now)
        {
            var skipped = new List<NodeResult>();
            lock (_lock)
            {
                var stack = new Stack<string>(plan.Downstream(failed));
                while (stack.Count > 0)
                {
                    var id = stack.Pop();
                    if (_done.ContainsKey(id))
                    {
                        continue;
                    }

                    var result = new NodeResult { UniqueId = id, Status = NodeStatus.Skipped, StartedAt = now, CompletedAt = now, Message = $"skipped: upstream {failed} failed" };
                    _done[id] = result;
                    _ordered.Add(result);
                    skipped.Add(result);
                    foreach (var child in plan.Downstream(id))
                    {
                        stack.Push(child);
                    }
                }
            }

            return skipped;
        }
    }
}
