using Cedule.Core.Execution.Adapters;
using Cedule.Core.Manifest;
using Cedule.Jinja.Values;

namespace Cedule.Core.Execution.Runtime;

/// <summary>
/// The mutable state of one node's execution on one connection: statement results by name, the
/// SQL it ran (for <c>target/run/</c>), the ephemeral models it referenced, its log.
/// </summary>
internal sealed class NodeRun(ExecutionSession session, ManifestNode node, IDatabaseConnection? connection, Action<LogLine>? log, CancellationToken cancellationToken)
{
    public ExecutionSession Session { get; } = session;

    public ManifestNode Node { get; } = node;

    /// <summary>The connection, or null when compiling without a database (<c>cedule compile</c> offline).</summary>
    public IDatabaseConnection? Connection { get; } = connection;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary><c>store_result</c>/<c>load_result</c>: name → {response, data, table}.</summary>
    public Dictionary<string, PyDict> Results { get; } = new(StringComparer.Ordinal);

    /// <summary>Every statement executed, in order, for <c>target/run/</c>.</summary>
    public List<string> Statements { get; } = [];

    /// <summary>Ephemeral models referenced by the render, in first-reference order.</summary>
    public List<ManifestNode> EphemeralRefs { get; } = [];

    /// <summary>Set by the materialization call: the compiled SQL the context exposes as <c>sql</c>.</summary>
    public string? CompiledSql { get; set; }

    /// <summary>In-process relation locks this node holds until its execution ends (<see cref="ProcessRelationLocks"/>).</summary>
    public Dictionary<string, SemaphoreSlim> HeldLocks { get; } = new(StringComparer.Ordinal);

    public IDatabaseConnection RequireConnection() =>
        Connection ?? throw new DatabaseException($"{Node.UniqueId} needs a database connection here (compile-time queries cannot run offline)");

    public void Log(string level, string message) =>
        log?.Invoke(new LogLine(Session.Time.GetUtcNow(), level, Session.Mask(message)));
}
