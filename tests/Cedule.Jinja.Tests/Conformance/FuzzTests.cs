using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cedule.Jinja.Loaders;

namespace Cedule.Jinja.Tests.Conformance;

/// <summary>
/// Robustness fuzzing, pure C#: random, mutated and hostile templates go through the lexer,
/// parser and renderer under tight limits. Whatever the input, the engine may only render or
/// throw <see cref="TemplateException"/>, and must finish each case before a deadline. Renders
/// run on threads with a 1 MB stack (the smallest stack hosts commonly give); a stack overflow
/// kills the test process, and that is the failure signal (the log names the seed).
/// </summary>
public sealed class FuzzTests
{
    private const int FixedSeedCases = 2_000;
    private const int DailySeedCases = 1_000;
    private const int MaxReported = 10;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(45);

    /// <summary>Tight limits: enough for any sane template, far too little for a runaway one.</summary>
    private static readonly EngineRunner Engine = new(
        strict => new EnvironmentOptions
        {
            StrictUndefined = strict,
            MaxFuel = 200_000,
            MaxOutputLength = 1_000_000,
        },
        new ChainedLoader(new DictionaryLoader(HostileTemplates.LoaderTemplates), new FileSystemLoader(RepositoryPaths.TemplatesDirectory)))
    {
        CancelAfter = TimeSpan.FromSeconds(1),
        HangAfter = TimeSpan.FromSeconds(5),
        StackSize = 1024 * 1024,
    };

    public static IEnumerable<TheoryDataRow<string>> HostileNames() =>
        HostileTemplates.All.Select(t => new TheoryDataRow<string>(t.Name) { TestDisplayName = "hostile " + t.Name });

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void Render_HostileTemplate_FailsCleanlyBeforeDeadline(string name)
    {
        if (FuzzKnownIssues.Failures.TryGetValue(name, out var bug))
        {
            Assert.Skip($"known engine failure (not run: it would end or stall the test process): {bug}");
        }

        var template = HostileTemplates.Get(name);
        Console.Error.WriteLine($"[fuzz] hostile template {name}");
        var outcome = Engine.Render(template, EngineRunner.VarsFromJson(FuzzCaseGenerator.DefaultVars), false, TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(outcome.Summary);
        Assert.True(
            !outcome.TimedOut && outcome.Crash is null,
            $"hostile template '{name}' ({template.Length} chars: {Excerpt(template)}): {outcome.Describe()}");
    }

    [Fact]
    public void FuzzKnownIssues_EveryEntry_NamesFuzzInput()
    {
        var names = HostileTemplates.All.Select(t => t.Name).Concat(FuzzCaseGenerator.ShapeNames).ToHashSet(StringComparer.Ordinal);
        var stale = FuzzKnownIssues.Failures.Keys.Where(k => !names.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "FuzzKnownIssues names no such input: " + string.Join(", ", stale));
    }

    [Fact]
    public void Render_FuzzCasesFixedSeed_OnlyTemplateExceptions() => Run(1, FixedSeedCases);

    [Fact]
    public void Render_FuzzCasesDailySeed_OnlyTemplateExceptions() => Run(RandomDifferentialTests.DailySeed(), DailySeedCases);

    private static void Run(long seed, int count)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var seedText = seed.ToString(CultureInfo.InvariantCulture);

        // Written before anything runs: if a stack overflow kills the process, the log still names the seed.
        Console.Error.WriteLine($"[fuzz] seed {seedText}, {count} cases (reproduce: CEDULE_FUZZ_SEED={seedText})");
        TestContext.Current.TestOutputHelper?.WriteLine($"seed {seedText}");
        var generator = new FuzzCaseGenerator(seed, CorpusCatalog.All);
        var failures = new List<string>();
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var ran = 0;
        for (; ran < count && clock.Elapsed < Budget; ran++)
        {
            var fuzzCase = generator.Next();
            if (fuzzCase.Kind.StartsWith("skipped ", StringComparison.Ordinal))
            {
                kinds[fuzzCase.Kind] = kinds.GetValueOrDefault(fuzzCase.Kind) + 1;
                continue;
            }

            var outcome = Engine.Render(fuzzCase.Template, EngineRunner.VarsFromJson(fuzzCase.VarsJson), fuzzCase.Strict, cancellationToken);
            var key = outcome.Summary;
            kinds[key] = kinds.GetValueOrDefault(key) + 1;
            if (outcome.TimedOut || outcome.Crash is not null)
            {
                failures.Add(
                    $"seed {seedText}, case {ran} ({fuzzCase.Kind}, strict: {fuzzCase.Strict}, {fuzzCase.Template.Length} chars):\n"
                    + $"  template: {Excerpt(fuzzCase.Template)}\n  Cedule:   {outcome.Describe()}");
                if (outcome.TimedOut && failures.Count(f => f.Contains("(hang)", StringComparison.Ordinal)) >= 3)
                {
                    break; // Each hang leaves a thread spinning; three are enough to report.
                }
            }
        }

        var summary = new StringBuilder().Append(CultureInfo.InvariantCulture, $"seed {seedText}: {ran} of {count} cases in {clock.Elapsed.TotalSeconds:0.0} s; outcomes:");
        foreach (var (kind, n) in kinds)
        {
            summary.Append(CultureInfo.InvariantCulture, $" {kind} {n},");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(summary.ToString().TrimEnd(','));
        Assert.True(
            failures.Count == 0,
            $"{failures.Count} fuzz cases escaped the engine's error handling or hung (reproduce: CEDULE_FUZZ_SEED={seedText}, "
            + $"case i is the (i+1)-th FuzzCaseGenerator.Next() for this seed and corpus):\n"
            + string.Join("\n\n", failures.Take(MaxReported)));
    }

    private static string Excerpt(string template) =>
        JinjaResult.Quote(template.Length <= 300 ? template : template[..200] + " […] " + template[^80..]);
}
