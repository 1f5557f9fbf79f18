namespace Cedule.Server.Deployments;

/// <summary>
/// Stable codes of the problems the server itself finds in a pushed commit (range CED80xx; the
/// engine's own codes are CED10xx–CED15xx). Never reuse a retired number.
/// </summary>
public static class DeploymentCodes
{
    /// <summary>The commit holds a symbolic link: it could point outside the project, so it is refused.</summary>
    public const string SymlinkRefused = "CED8001";

    /// <summary>The commit holds a git submodule, which a deployment cannot include.</summary>
    public const string SubmoduleRefused = "CED8002";

    /// <summary>A path in the commit's tree is not a plain relative path (<c>..</c>, <c>.git</c>).</summary>
    public const string UnsafePath = "CED8003";

    /// <summary>The project files exceed the configured bundle size.</summary>
    public const string BundleTooLarge = "CED8004";

    /// <summary>The parse ran past its wall-clock limit and was stopped.</summary>
    public const string ParseTimedOut = "CED8010";

    /// <summary>The parse process failed without reporting problems (a crash, the memory limit).</summary>
    public const string ParseFailed = "CED8011";
}
