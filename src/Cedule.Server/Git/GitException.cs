namespace Cedule.Server.Git;

/// <summary>A git command failed: the remote cannot be reached, the branch does not exist… The message carries git's own words.</summary>
public sealed class GitException : Exception
{
    /// <summary>A failure with git's message.</summary>
    public GitException(string message)
        : base(message)
    {
    }

    /// <summary>A failure caused by another.</summary>
    public GitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
