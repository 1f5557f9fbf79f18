using System.Text;

namespace Cedule.Jinja.Tests.Conformance;

/// <summary>One corpus case: <c>inputs/&lt;group&gt;/&lt;name&gt;.jinja</c> and its <c>expected/</c> answer.</summary>
internal sealed record CorpusCase(string Id, string Group, string VarsJson, string Template, string InputPath, string ExpectedPath)
{
    private const string Separator = "\n---\n";

    /// <summary>The group <c>strict</c> renders with StrictUndefined.</summary>
    public bool Strict => string.Equals(Group, "strict", StringComparison.Ordinal);

    /// <summary>The stored Jinja2 answer.</summary>
    public JinjaResult Expected => JinjaResult.Parse(File.ReadAllText(ExpectedPath, Encoding.UTF8));

    /// <summary>Reads a case file: a JSON line of variables, a <c>---</c> line, then the template byte for byte.</summary>
    public static CorpusCase Load(string inputsDirectory, string expectedDirectory, string inputPath)
    {
        var relative = Path.GetRelativePath(inputsDirectory, inputPath).Replace('\\', '/');
        var id = relative[..^".jinja".Length];
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? string.Empty : id[..slash];
        var text = File.ReadAllText(inputPath, new UTF8Encoding(false, true));
        var split = text.IndexOf(Separator, StringComparison.Ordinal);
        if (split < 0)
        {
            throw new FormatException($"{inputPath}: no '---' line after the variables line.");
        }

        return new CorpusCase(
            id,
            group,
            text[..split],
            text[(split + Separator.Length)..],
            inputPath,
            Path.Combine(expectedDirectory, id + ".json"));
    }
}
