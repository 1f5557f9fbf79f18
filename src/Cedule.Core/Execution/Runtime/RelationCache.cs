using Cedule.Core.Execution.Adapters;

namespace Cedule.Core.Execution.Runtime;

/// <summary>
/// What relations exist, per schema, as dbt's relation cache: filled on the first question about a
/// schema, then kept current by the engine's own create, drop and rename. Shared by every thread of
/// a run; names compare case-insensitively, as unquoted identifiers do in every supported dialect.
/// </summary>
internal sealed class RelationCache
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, RelationInfo>> _schemas = new(StringComparer.OrdinalIgnoreCase);

    public RelationInfo? Get(IDatabaseConnection connection, string? database, string schema, string identifier, CancellationToken cancellationToken)
    {
        var relations = Schema(connection, database, schema, cancellationToken);
        lock (_lock)
        {
            return relations.TryGetValue(identifier, out var info) ? info : null;
        }
    }

    public IReadOnlyList<RelationInfo> List(IDatabaseConnection connection, string? database, string schema, CancellationToken cancellationToken)
    {
        var relations = Schema(connection, database, schema, cancellationToken);
        lock (_lock)
        {
            return [.. relations.Values];
        }
    }

    public void Add(RelationInfo relation)
    {
        lock (_lock)
        {
            if (_schemas.TryGetValue(Key(relation.Database, relation.Schema), out var relations))
            {
                relations[relation.Identifier] = relation;
            }
        }
    }

    public void Remove(string? database, string schema, string identifier)
    {
        lock (_lock)
        {
            if (_schemas.TryGetValue(Key(database, schema), out var relations))
            {
                relations.Remove(identifier);
            }
        }
    }

    /// <summary>Forgets a schema (after it is dropped, or when something outside the engine changed it).</summary>
    public void Forget(string? database, string schema)
    {
        lock (_lock)
        {
            _schemas.Remove(Key(database, schema));
        }
    }

    private Dictionary<string, RelationInfo> Schema(IDatabaseConnection connection, string? database, string schema, CancellationToken cancellationToken)
    {
        var key = Key(database, schema);
        lock (_lock)
        {
            if (_schemas.TryGetValue(key, out var known))
            {
                return known;
            }
        }

        // Asked outside the lock: two threads may both list a schema once; the first answer wins.
        var listed = connection.ListRelations(database, schema, cancellationToken);
        var relations = new Dictionary<string, RelationInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var relation in listed)
        {
            relations[relation.Identifier] = relation;
        }

        lock (_lock)
        {
            return _schemas.TryAdd(key, relations) ? relations : _schemas[key];
        }
    }

    private static string Key(string? database, string schema) => (database ?? string.Empty) + "\u0001" + schema;
}
