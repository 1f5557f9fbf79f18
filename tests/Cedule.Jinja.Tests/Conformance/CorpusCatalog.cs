namespace Cedule.Jinja.Tests.Conformance;

/// <summary>Every case of the conformance corpus, loaded once and ordered by id.</summary>
internal static class CorpusCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, CorpusCase>> ById = new(Load);

    public static string InputsDirectory => Path.Combine(RepositoryPaths.CorpusDirectory, "inputs");

    public static string ExpectedDirectory => Path.Combine(RepositoryPaths.CorpusDirectory, "expected");

    /// <summary>The cases, ordered by id (ordinal).</summary>
    public static IReadOnlyList<CorpusCase> All => [.. ById.Value.Values.OrderBy(c => c.Id, StringComparer.Ordinal)];

    public static CorpusCase Get(string id) => ById.Value[id];

    public static bool Contains(string id) => ById.Value.ContainsKey(id);

    private static Dictionary<string, CorpusCase> Load()
    {
        var cases = new Dictionary<string, CorpusCase>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(InputsDirectory, "*.jinja", SearchOption.AllDirectories))
        {
            var corpusCase = CorpusCase.Load(InputsDirectory, ExpectedDirectory, path);
            cases.Add(corpusCase.Id, corpusCase);
        }

        return cases;
    }
}
