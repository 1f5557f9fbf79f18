namespace Cedule.Server.Domain;

/// <summary>One diagnostic of a deployment, with where it is (project-relative path, 1-based line and column, 0 when unknown).</summary>
public sealed class DeploymentProblem
{
    /// <summary>Row identifier.</summary>
    public long Id { get; set; }

    /// <summary>The deployment.</summary>
    public Guid DeploymentId { get; set; }

    /// <summary>Position in the parser's output, so problems read back in order.</summary>
    public int Ordinal { get; set; }

    /// <summary>Stable code (<c>CED1201</c>, or a server code <c>CED8xxx</c>).</summary>
    public required string Code { get; set; }

    /// <summary><c>error</c> or <c>warning</c>.</summary>
    public required string Severity { get; set; }

    /// <summary>What is wrong, as the parser said it.</summary>
    public required string Message { get; set; }

    /// <summary>File, relative to the project root.</summary>
    public required string Path { get; set; }

    /// <summary>1-based line, 0 when unknown.</summary>
    public int Line { get; set; }

    /// <summary>1-based column, 0 when unknown.</summary>
    public int Column { get; set; }
}
