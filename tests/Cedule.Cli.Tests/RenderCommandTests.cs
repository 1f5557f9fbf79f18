using System.Text.Json;

namespace Cedule.Cli.Tests;

public sealed class RenderCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cedule-render-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Render_TemplateWithInlineVars_PrintsOutput()
    {
        var file = Write("t.sql", "select {{ cols | join(', ') }} from {{ table }}\n");
        var (exitCode, output) = await CliRunner.RunAsync("render", file, "--vars", """{"cols": ["a", "b"], "table": "t"}""");
        Assert.Equal(0, exitCode);
        Assert.Equal("select a, b from t", output);
    }

    [Fact]
    public async Task Render_VarsFromFileAndInclude_Work()
    {
        Write("part.sql", "[{{ n * 2 }}]");
        var file = Write("main.sql", "{% include 'part.sql' %}");
        var vars = Write("vars.json", """{"n": 21}""");
        var (exitCode, output) = await CliRunner.RunAsync("render", file, "--vars=@" + vars);
        Assert.Equal(0, exitCode);
        Assert.Equal("[42]", output);
    }

    [Fact]
    public async Task Render_Error_PrintsLocatedMessageAndExitsTwo()
    {
        var file = Write("bad.sql", "ok\n{{ 1 // 0 }}");
        var (exitCode, output) = await CliRunner.RunAsync("render", file);
        Assert.Equal(2, exitCode);
        Assert.Contains("ZeroDivisionError", output, StringComparison.Ordinal);
        Assert.Contains("bad.sql:2:4", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_Strict_FailsOnUndefined()
    {
        var file = Write("s.sql", "{{ missing }}");
        var (lenientExit, _) = await CliRunner.RunAsync("render", file);
        var (strictExit, output) = await CliRunner.RunAsync("render", file, "--strict");
        Assert.Equal(0, lenientExit);
        Assert.Equal(2, strictExit);
        Assert.Contains("UndefinedError", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_Cases_WritesOneJsonResultPerCaseInOrder()
    {
        var cases = Write("cases.jsonl", string.Join('\n',
            """{"template": "{{ a + 1 }}", "vars": {"a": 1}}""",
            """{"template": "{{ 1 // 0 }}"}""",
            "",
            """{"template": "[{{ nope }}]", "strict": true}""",
            """{"template": "[{{ nope }}]"}"""));
        var (exitCode, output) = await CliRunner.RunAsync("render", "--cases", cases);
        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("2", first.RootElement.GetProperty("output").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.StartsWith("ZeroDivisionError: ", second.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        using var third = JsonDocument.Parse(lines[2]);
        Assert.Equal("UndefinedError: 'nope' is undefined", third.RootElement.GetProperty("error").GetString());
        using var fourth = JsonDocument.Parse(lines[3]);
        Assert.Equal("[]", fourth.RootElement.GetProperty("output").GetString());
    }

    [Fact]
    public async Task Render_NoTemplate_IsAUsageError()
    {
        var (exitCode, _) = await CliRunner.RunAsync("render");
        Assert.Equal(2, exitCode);
    }
}
