using System.Text;

namespace Cedule.Jinja.Tests.Conformance;

/// <summary>
/// The conformance corpus (<c>Corpus/README.md</c>): every input renders to exactly the output
/// Jinja2 3.1.2 produced, or fails with the error kind named after Jinja2's exception class.
/// Cases in <c>known_differences.txt</c> are skipped with their reason.
/// </summary>
public sealed class CorpusTests
{
    private const int MinimumCaseCount = 500;

    /// <summary>One row per case, displayed as its id (<c>group/name</c>).</summary>
    public static IEnumerable<TheoryDataRow<string>> Cases() =>
        CorpusCatalog.All.Select(c => new TheoryDataRow<string>(c.Id) { TestDisplayName = c.Id });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_CorpusCase_MatchesJinja2(string id)
    {
        var corpusCase = CorpusCatalog.Get(id);
        var reason = KnownDifferences.ReasonFor(id);
        if (reason is not null)
        {
            Assert.Skip($"known difference: {reason}");
        }

        var expected = corpusCase.Expected;
        var actual = EngineRunner.Default.Render(
            corpusCase.Template,
            EngineRunner.VarsFromJson(corpusCase.VarsJson),
            corpusCase.Strict,
            TestContext.Current.CancellationToken);
        var mismatch = actual.MismatchWith(expected);
        if (mismatch is not null)
        {
            Assert.Fail(new StringBuilder()
                .Append(id).Append(": ").Append(mismatch).Append('\n')
                .Append("template:  ").Append(JinjaResult.Quote(corpusCase.Template)).Append('\n')
                .Append("vars:      ").Append(corpusCase.VarsJson).Append('\n')
                .Append("strict:    ").Append(corpusCase.Strict ? "yes" : "no").Append('\n')
                .Append("Jinja2:    ").Append(expected.Describe()).Append('\n')
                .Append("Cedule:    ").Append(actual.Describe()).Append('\n')
                .Append("input:     ").Append(Path.GetRelativePath(RepositoryPaths.RepositoryRoot, corpusCase.InputPath))
                .ToString());
        }
    }

    [Fact]
    public void Corpus_CaseCount_AtLeastFiveHundred() =>
        Assert.True(
            CorpusCatalog.All.Count >= MinimumCaseCount,
            $"The corpus has {CorpusCatalog.All.Count} cases; at least {MinimumCaseCount} expected in {CorpusCatalog.InputsDirectory}.");

    [Fact]
    public void Corpus_EveryInput_HasExpectedResult()
    {
        var missing = CorpusCatalog.All.Where(c => !File.Exists(c.ExpectedPath)).Select(c => c.Id).ToList();
        Assert.True(missing.Count == 0, "Inputs without expected/ file (run generate.py): " + string.Join(", ", missing));
        foreach (var corpusCase in CorpusCatalog.All)
        {
            var expected = corpusCase.Expected;
            Assert.True(!expected.IsInconclusive, $"{corpusCase.Id}: the stored answer is inconclusive ({expected.Describe()}).");
        }
    }

    [Fact]
    public void Corpus_EveryExpectedResult_HasInput()
    {
        var orphans = Directory.EnumerateFiles(CorpusCatalog.ExpectedDirectory, "*.json", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(CorpusCatalog.ExpectedDirectory, p).Replace('\\', '/')[..^".json".Length])
            .Where(id => !CorpusCatalog.Contains(id))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(orphans.Count == 0, "expected/ files without input (run generate.py): " + string.Join(", ", orphans));
    }

    [Fact]
    public void KnownDifferences_EveryEntry_NamesExistingCaseWithReason()
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in KnownDifferences.Entries)
        {
            if (!CorpusCatalog.Contains(entry.Id))
            {
                problems.Add($"line {entry.LineNumber}: '{entry.Id}' is not a corpus case (stale entry)");
            }

            if (entry.Reason.Length == 0)
            {
                problems.Add($"line {entry.LineNumber}: '{entry.Id}' has no reason");
            }

            if (!seen.Add(entry.Id))
            {
                problems.Add($"line {entry.LineNumber}: '{entry.Id}' is listed twice");
            }
        }

        Assert.True(problems.Count == 0, "known_differences.txt:\n" + string.Join('\n', problems));
    }
}
