namespace Cedule.Core.Execution.Adapters;

/// <summary>
/// The database refused a statement or could not be reached. The message is the database's own,
/// with any secret masked; <see cref="IsTransient"/> says whether retrying the same work can help
/// (a dropped connection, a deadlock victim), as Npgsql's <c>NpgsqlException.IsTransient</c> does.
/// </summary>
public sealed class DatabaseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DatabaseException(string message, bool isTransient = false, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    /// <summary>Creates the exception (for serializers and analyzers).</summary>
    public DatabaseException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DatabaseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DatabaseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when retrying the same work may succeed.</summary>
    public bool IsTransient { get; }
}
