
namespace Cedule.Core.Execution;

/// <summary>How a node ended, with dbt's names (run_results.json <c>status</c>).</summary>
public enum NodeStatus
{
    /// <summary>A model, seed, snapshot or hook ran (<c>success</c>).</summary>
    Success,

    /// <summary>It failed with an error (<c>error</c>).</summary>
    Error,

    /// <summary>It did not run because an upstream failed or the run stopped (<c>skipped</c>).</summary>
    Skipped,

    /// <summary>A test found no failing rows (<c>pass</c>).</summary>
    Pass,

    /// <summary>A test of severity error failed (<c>fail</c>).</summary>
    Fail,

    /// <summary>A test failed with severity warn, or crossed warn_if only (<c>warn</c>).</summary>
    Warn,
}

/// <summary>One line a node logged (a <c>log()</c> call, a statement, a warning).</summary>
/// <param name="Timestamp">When it was written.</param>
/// <param name="Level"><c>debug</c>, <c>info</c>, <c>warn</c> or <c>error</c>.</param>
/// <param name="Message">The text, secrets masked.</param>
public sealed record LogLine(DateTimeOffset Timestamp, string Level, string Message);

/// <summary>
/// The structured outcome of one node: what the agent reports to the server and what
/// <c>run_results.json</c> records. Never holds a data row.
/// </summary>
public sealed record NodeResult
{
    /// <summary>The node's unique id.</summary>
    public required string UniqueId { get; init; }

    /// <summary>How it ended.</summary>
    public required NodeStatus Status { get; init; }

    /// <summary>When execution started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset CompletedAt { get; init; }

    /// <summary>Wall time of the node.</summary>
    public TimeSpan ExecutionTime => CompletedAt - StartedAt;

    /// <summary>Rows the main statement wrote (or, for a test, failing rows), when known.</summary>
    public long? RowsAffected { get; init; }

    /// <summary>For tests: the number of failures the test query counted.</summary>
    public long? Failures { get; init; }

    /// <summary>The compiled SQL (for models and tests), secrets masked.</summary>
    public string? CompiledSql { get; init; }

    /// <summary>The database's response to the main statement (<c>CREATE VIEW</c>, <c>INSERT 0 5</c>).</summary>
    public string? AdapterMessage { get; init; }

    /// <summary>A human message: the error, or a test's failure count, or why it was skipped.</summary>
    public string? Message { get; init; }

    /// <summary>Where an error comes from (a template's file, line and column), when known.</summary>
    public SourceLocation? ErrorLocation { get; init; }

    /// <summary>True for a failure that retrying may fix (a dropped connection, a deadlock).</summary>
    public bool IsTransient { get; init; }

    /// <summary>True when the node did not succeed (error or failed test).</summary>
    public bool IsFailure => Status is NodeStatus.Error or NodeStatus.Fail;
}
