using System.Text.Json;
using Cedule.Core.Context;
using Cedule.Core.Manifest;
using Cedule.Core.Parsing;

namespace Cedule.Core.Tests.Parsing;

/// <summary>A project written file by file into a temporary folder, parsed for DuckDB.</summary>
internal sealed class TempProject : IDisposable
{
    public static readonly TargetFacts DuckDb = new("dev", "duckdb", "warehouse", "main");

    public TempProject(string name = "shop")
    {
        Dir = Directory.CreateTempSubdirectory("cedule-project-test-").FullName;
        Write("dbt_project.yml", $"name: {name}\nversion: \"1.0.0\"\nconfig-version: 2\nprofile: {name}\n");
    }

    public string Dir { get; }

    public TempProject Write(string relativePath, string text)
    {
        var path = Path.Combine(Dir, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public ParseResult Parse(ParseOptions? options = null) =>
        new ProjectParser(options ?? new ParseOptions { Target = DuckDb, Environment = _ => null }).Parse(Dir, TestContext.Current.CancellationToken);

    /// <summary>The manifest of <paramref name="result"/>, as JSON.</summary>
    public static JsonDocument Manifest(ParseResult result)
    {
        using var stream = new MemoryStream();
        ManifestWriter.Write(result, DuckDb, stream);
        return JsonDocument.Parse(stream.ToArray());
    }

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}
