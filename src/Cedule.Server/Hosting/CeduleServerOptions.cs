namespace Cedule.Server.Hosting;

/// <summary>
/// The server's settings, bound from the <c>Cedule</c> section: <c>appsettings.json</c>,
/// environment variables (<c>CEDULE__STORE__POSTGRES=…</c>) or the command line
/// (<c>--Cedule:DataDirectory=/var/lib/cedule</c>).
/// </summary>
public sealed class CeduleServerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Cedule";

    /// <summary>Folder of the SQLite store, the git caches and the bundles (default: the working folder).</summary>
    public string DataDirectory { get; set; } = ".";

    /// <summary>The metadata store.</summary>
    public StoreOptions Store { get; set; } = new();

    /// <summary>Fetching projects from git.</summary>
    public GitOptions Git { get; set; } = new();

    /// <summary>The sandboxed child process that parses pushed projects.</summary>
    public ParserOptions Parser { get; set; } = new();

    /// <summary>The data folder as an absolute path.</summary>
    public string DataPath => Path.GetFullPath(DataDirectory);
}

/// <summary>Which database holds the metadata.</summary>
public sealed class StoreOptions
{
    /// <summary>A PostgreSQL connection string; when set, the store is PostgreSQL, else SQLite.</summary>
    public string? Postgres { get; set; }

    /// <summary>The SQLite file, relative to the data folder unless absolute.</summary>
    public string SqliteFile { get; set; } = "cedule.db";
}

/// <summary>How the server reaches git.</summary>
public sealed class GitOptions
{
    /// <summary>The system git command.</summary>
    public string Executable { get; set; } = "git";

    /// <summary>How often every environment's branch is polled; zero disables polling (webhooks or manual syncs only).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Largest total size of a commit's project files; a bigger commit is rejected.</summary>
    public long MaxBundleBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Longest a single git command may run.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Limits of the child <c>cedule parse</c> process.</summary>
public sealed class ParserOptions
{
    /// <summary>
    /// The executable to run; default: this process's own executable when it is <c>cedule</c>
    /// (the usual case: <c>cedule server</c>).
    /// </summary>
    public string? Command { get; set; }

    /// <summary>Arguments placed before <c>parse …</c> (for example the path of <c>cedule.dll</c> when <see cref="Command"/> is <c>dotnet</c>).</summary>
    public IList<string> PrefixArguments { get; } = [];

    /// <summary>Wall-clock limit; the process tree is killed past it and the deployment rejected.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Managed heap limit of the child (the .NET runtime's <c>GCHeapHardLimit</c>), in MiB.</summary>
    public int MemoryLimitMegabytes { get; set; } = 1024;
}
