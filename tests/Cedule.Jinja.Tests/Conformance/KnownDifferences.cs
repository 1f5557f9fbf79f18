namespace Cedule.Jinja.Tests.Conformance;

/// <summary>
/// <c>Corpus/known_differences.txt</c>: one <c>group/name  reason</c> per line; <c>#</c> comments
/// and blank lines are ignored.
/// </summary>
internal static class KnownDifferences
{
    private static readonly Lazy<IReadOnlyList<Entry>> Parsed = new(Load);

    /// <summary>Every entry, in file order (duplicates kept, so a test can report them).</summary>
    public static IReadOnlyList<Entry> Entries => Parsed.Value;

    /// <summary>The reason a case is skipped, or null when it is not listed.</summary>
    public static string? ReasonFor(string id)
    {
        foreach (var entry in Parsed.Value)
        {
            if (string.Equals(entry.Id, id, StringComparison.Ordinal))
            {
                return entry.Reason;
            }
        }

        return null;
    }

    private static List<Entry> Load()
    {
        var entries = new List<Entry>();
        var lines = File.ReadAllLines(RepositoryPaths.KnownDifferencesFile);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var space = line.IndexOfAny([' ', '\t']);
            var id = space < 0 ? line : line[..space];
            var reason = space < 0 ? string.Empty : line[space..].Trim();
            entries.Add(new Entry(id, reason, i + 1));
        }

        return entries;
    }

    /// <summary>One listed case: its id, why it differs, and its line in the file.</summary>
    internal sealed record Entry(string Id, string Reason, int LineNumber);
}
