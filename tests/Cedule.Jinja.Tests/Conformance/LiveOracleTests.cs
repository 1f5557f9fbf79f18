using System.Text;
using System.Text.Json;

namespace Cedule.Jinja.Tests.Conformance;

/// <summary>
/// Renders every corpus input again with the live Jinja2 (<c>oracle.py</c>, one process) and
/// checks that the answer is still the stored one, so a stale corpus cannot hide a real
/// difference. Skipped when Jinja2 is not installed, except on CI.
/// </summary>
public sealed class LiveOracleTests
{
    private static readonly TimeSpan OracleTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Oracle_EveryCorpusCase_AnswersStoredExpectedResult()
    {
        PythonJinja.RequireOrSkip();
        var cases = CorpusCatalog.All;
        var requests = cases.Select(ToRequestLine).ToList();

        var answers = await PythonJinja.RunLinesAsync(
            RepositoryPaths.OracleScript, [], requests, OracleTimeout, TestContext.Current.CancellationToken);

        Assert.Equal(cases.Count, answers.Count);
        var stale = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var live = JinjaResult.Parse(answers[i]);
            var stored = cases[i].Expected;
            if (!SameAnswer(live, stored))
            {
                stale.Add($"{cases[i].Id}:\n  stored: {stored.Describe()}\n  live:   {live.Describe()}");
            }
        }

        Assert.True(
            stale.Count == 0,
            $"{stale.Count} of {cases.Count} stored answers differ from the live Jinja2; regenerate with "
            + $"'{PythonJinja.Interpreter} tests/Cedule.Jinja.Tests/Corpus/generate.py' and review:\n"
            + string.Join('\n', stale.Take(20)));
    }

    /// <summary>
    /// Output, exception class, line and message must all be the same, except the message of a
    /// <c>RecursionError</c>: it names the Python frame that hit the limit, which depends on how
    /// deep the caller's own stack was (generate.py and oracle.py differ), not on the template.
    /// </summary>
    private static bool SameAnswer(JinjaResult live, JinjaResult stored) =>
        string.Equals(live.Output, stored.Output, StringComparison.Ordinal)
        && string.Equals(live.Error, stored.Error, StringComparison.Ordinal)
        && live.Line == stored.Line
        && (string.Equals(live.Message, stored.Message, StringComparison.Ordinal)
            || string.Equals(live.Error, "RecursionError", StringComparison.Ordinal));

    /// <summary>The oracle's request line for a case: <c>{"name", "template", "vars", "strict"}</c>.</summary>
    internal static string ToRequestLine(CorpusCase corpusCase)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("name", corpusCase.Id);
            json.WriteString("template", corpusCase.Template);
            json.WritePropertyName("vars");
            json.WriteRawValue(corpusCase.VarsJson);
            json.WriteBoolean("strict", corpusCase.Strict);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
