namespace Cedule.Server.Domain;

/// <summary>
/// One state change, written in the same transaction as the change itself. Alerts, live
/// updates, the audit log and cross-replica wake-ups read these rows, never in-memory state, so
/// nothing a restart loses can be missed. The id only grows: a reader resumes after the last id it saw.
/// </summary>
public sealed class OutboxEvent
{
    /// <summary>Increasing identifier (store-generated).</summary>
    public long Id { get; set; }

    /// <summary>What happened: <c>organization.created</c>, <c>deployment.rejected</c>… (see <see cref="EventTypes"/>).</summary>
    public required string Type { get; set; }

    /// <summary>The organization it concerns.</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>The entity that changed.</summary>
    public Guid SubjectId { get; set; }

    /// <summary>A small JSON object with what a reader needs without a second query.</summary>
    public required string Payload { get; set; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset OccurredAt { get; set; }
}
