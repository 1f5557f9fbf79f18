using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Cedule.Jinja.Tests.Conformance;

/// <summary>
/// Seeded random differential test: <c>random_cases.py</c> writes random templates, the live
/// Jinja2 (<c>oracle.py</c>) and Cedule.Jinja render each one, and the outputs (or error kinds)
/// must agree. A few fixed seeds always run; one more seed changes every day (or comes from
/// <c>CEDULE_FUZZ_SEED</c>), so coverage grows over time while any failure stays reproducible.
/// </summary>
public sealed class RandomDifferentialTests
{
    private const int CasesPerSeed = 1500;
    private const int MaxHangs = 3;
    private const int MaxReported = 15;
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(50);

    /// <summary>Renders with a tighter watchdog than the corpus: generated cases take milliseconds.</summary>
    private static readonly EngineRunner Engine = new(
        strict => new EnvironmentOptions { StrictUndefined = strict },
        new Loaders.FileSystemLoader(RepositoryPaths.TemplatesDirectory))
    {
        CancelAfter = TimeSpan.FromSeconds(2),
        HangAfter = TimeSpan.FromSeconds(5),
    };

    [Theory]
    [InlineData(1L)]
    [InlineData(2L)]
    [InlineData(3L)]
    public Task Render_RandomCasesFixedSeed_MatchJinja2(long seed) => RunAsync(seed, CasesPerSeed);

    [Fact]
    public Task Render_RandomCasesDailySeed_MatchJinja2() => RunAsync(DailySeed(), CasesPerSeed);

    /// <summary><c>CEDULE_FUZZ_SEED</c> when set, otherwise today's UTC date as <c>yyyyMMdd</c>.</summary>
    internal static long DailySeed()
    {
        var configured = System.Environment.GetEnvironmentVariable("CEDULE_FUZZ_SEED");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return long.Parse(configured, NumberStyles.Integer, CultureInfo.InvariantCulture);
        }

        return long.Parse(TimeProvider.System.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static async Task RunAsync(long seed, int count)
    {
        PythonJinja.RequireOrSkip();
        var cancellationToken = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;
        var seedText = seed.ToString(CultureInfo.InvariantCulture);
        var countText = count.ToString(CultureInfo.InvariantCulture);
        output?.WriteLine($"seed {seedText}, {countText} cases");

        var clock = Stopwatch.StartNew();
        var requests = await PythonJinja.RunLinesAsync(
            RepositoryPaths.RandomCasesScript, ["--seed", seedText, "--count", countText], [], ScriptTimeout, cancellationToken);
        Assert.Equal(count, requests.Count);

        // Jinja2 answers in its own process while the engine renders the same cases here.
        var oracle = PythonJinja.RunLinesAsync(RepositoryPaths.OracleScript, [], requests, ScriptTimeout, cancellationToken);
        var cases = new (JsonDocument Request, EngineOutcome? Outcome)[count];
        var hangs = 0;
        for (var index = 0; index < count; index++)
        {
            var request = JsonDocument.Parse(requests[index]);
            var root = request.RootElement;
            var vars = root.TryGetProperty("vars", out var v) ? EngineRunner.VarsFromJson(v) : [];
            var outcome = hangs < MaxHangs ? Engine.Render(Template(root), vars, IsStrict(root), cancellationToken) : null;
            hangs += outcome is { TimedOut: true } ? 1 : 0;
            cases[index] = (request, outcome);
        }

        var rendered = clock.Elapsed;
        var answers = await oracle;
        Assert.Equal(count, answers.Count);

        var mismatches = new List<string>();
        var causes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int inconclusive = 0, allowed = 0;
        for (var index = 0; index < count; index++)
        {
            using var request = cases[index].Request;
            var expected = JinjaResult.Parse(answers[index]);
            if (expected.IsInconclusive || cases[index].Outcome is not { } actual)
            {
                inconclusive++;
                continue;
            }

            var mismatch = actual.MismatchWith(expected);
            if (mismatch is null)
            {
                continue;
            }

            var root = request.RootElement;
            if (KnownRandomDifferences.Find(Template(root), expected, actual) is { } known)
            {
                output?.WriteLine($"case {index}: allowed known difference ({known.Reason})");
                allowed++;
                continue;
            }

            var cause = $"{(expected.IsError ? expected.Error : "output")} -> {actual.Summary}";
            causes[cause] = causes.GetValueOrDefault(cause) + 1;
            if (mismatches.Count < MaxReported)
            {
                mismatches.Add(Describe(seedText, index, root, expected, actual, mismatch));
            }
        }

        var failed = causes.Values.Sum();
        var rate = failed * 1000.0 / count;
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"seed {seedText}: {failed} mismatches in {count} cases ({rate:0.0} per 1,000), {inconclusive} inconclusive, {allowed} allowed known differences "
            + $"(engine done at {rendered.TotalSeconds:0.0} s, Jinja2 at {clock.Elapsed.TotalSeconds:0.0} s)");
        output?.WriteLine(summary);
        if (failed > 0)
        {
            var text = new StringBuilder(summary).Append(hangs >= MaxHangs ? " (stopped rendering after repeated hangs)" : string.Empty)
                .Append(CultureInfo.InvariantCulture, $"\nrerun this seed: CEDULE_FUZZ_SEED={seedText} Cedule.Jinja.Tests -method '*RandomCasesDailySeed*'\n");
            foreach (var (cause, n) in causes)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {n,5} x {cause}\n");
            }

            Assert.Fail(text.Append('\n').AppendJoin("\n\n", mismatches).ToString());
        }
    }

    private static string Template(JsonElement request) => request.GetProperty("template").GetString()!;

    private static bool IsStrict(JsonElement request) => request.TryGetProperty("strict", out var s) && s.ValueKind == JsonValueKind.True;

    private static string Describe(
        string seed, int index, JsonElement request, JinjaResult expected, EngineOutcome actual, string mismatch)
    {
        var name = request.TryGetProperty("name", out var n) ? n.GetString() : null;
        var vars = request.TryGetProperty("vars", out var v) ? v.GetRawText() : "{}";
        return new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"seed {seed}, case {index} ({name}): {mismatch}\n")
            .Append("  template: ").Append(JinjaResult.Quote(Template(request))).Append('\n')
            .Append("  vars:     ").Append(vars).Append('\n')
            .Append("  strict:   ").Append(IsStrict(request) ? "yes" : "no").Append('\n')
            .Append("  Jinja2:   ").Append(expected.Describe()).Append('\n')
            .Append("  Cedule:   ").Append(actual.Describe()).Append('\n')
            .Append(CultureInfo.InvariantCulture, $"  reproduce: {PythonJinja.Interpreter} tests/Cedule.Jinja.Tests/Corpus/random_cases.py --seed {seed} --count {index + 1} | tail -n 1")
            .ToString();
    }
}
