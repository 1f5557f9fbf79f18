using System.Runtime.CompilerServices;

namespace Cedule.Jinja.Tests.Conformance;

/// <summary>Where the conformance corpus lives, found from the repository root (the folder holding <c>Cedule.slnx</c>).</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary><c>tests/Cedule.Jinja.Tests/Corpus</c>.</summary>
    public static string CorpusDirectory => Path.Combine(RepositoryRoot, "tests", "Cedule.Jinja.Tests", "Corpus");

    /// <summary>The shared templates that include, import and extends cases load.</summary>
    public static string TemplatesDirectory => Path.Combine(CorpusDirectory, "templates");

    /// <summary>The live Jinja2 oracle script.</summary>
    public static string OracleScript => Path.Combine(CorpusDirectory, "oracle.py");

    /// <summary>The seeded random case generator.</summary>
    public static string RandomCasesScript => Path.Combine(CorpusDirectory, "random_cases.py");

    /// <summary>The skip list of the corpus test.</summary>
    public static string KnownDifferencesFile => Path.Combine(CorpusDirectory, "known_differences.txt");

    private static string FindRoot()
    {
        // The test binaries normally sit under the repository (bin/ or artifacts/). Builds with an
        // --artifacts-path outside the repository (parallel builds in one working tree) do not, so
        // the working directory and, last, the folder this file was compiled from are tried too.
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), SourceDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Cedule.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"Cedule.slnx not found above {AppContext.BaseDirectory}, {Directory.GetCurrentDirectory()} or {SourceDirectory()}.");
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";
}
