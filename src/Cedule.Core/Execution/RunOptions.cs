namespace Cedule.Core.Execution;

/// <summary>
/// The context a run gives every node: the same for a local <c>cedule build</c> and for tasks an
/// agent receives from the server (which sends these values with each lease).
/// </summary>
public sealed record RunOptions
{
    /// <summary>dbt's <c>invocation_id</c>.</summary>
    public string InvocationId { get; init; } = Guid.NewGuid().ToString();

    /// <summary>dbt's <c>run_started_at</c> (UTC).</summary>
    public DateTimeOffset RunStartedAt { get; init; }

    /// <summary><c>--full-refresh</c>: incremental models and seeds are rebuilt from scratch.</summary>
    public bool FullRefresh { get; init; }

    /// <summary>The command (<c>run</c>, <c>build</c>, <c>test</c>…), dbt's <c>flags.WHICH</c>.</summary>
    public string Which { get; init; } = "build";

    /// <summary>The unique ids the run selected (dbt's <c>selected_resources</c>).</summary>
    public IReadOnlyList<string> SelectedResources { get; init; } = [];

    /// <summary>
    /// Where <c>compiled/</c> and <c>run/</c> SQL files are written (the project's <c>target/</c>),
    /// or null to write nothing (the agent reports SQL to the server instead).
    /// </summary>
    public string? TargetPath { get; init; }
}
