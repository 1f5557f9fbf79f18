using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cedule.Jinja.Tests.Conformance;

/// <summary>
/// What Jinja2 answered for one case: the rendered text, or the name of the Python exception
/// class with its message and template line (the shape of <c>expected/*.json</c> and of the
/// answers of <c>oracle.py</c>).
/// </summary>
internal sealed record JinjaResult(string? Output, string? Error, string? Message, int? Line)
{
    /// <summary>The oracle's pseudo-classes: the case was not judged, so it proves nothing either way.</summary>
    private static readonly string[] InconclusiveClasses = ["Skipped", "Timeout", "OracleInputError"];

    /// <summary>True when Jinja2 raised an exception.</summary>
    public bool IsError => Error is not null;

    /// <summary>True for the oracle's <c>Skipped</c>, <c>Timeout</c> and <c>OracleInputError</c> answers.</summary>
    public bool IsInconclusive => Error is not null && InconclusiveClasses.Contains(Error, StringComparer.Ordinal);

    public static JinjaResult Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromElement(document.RootElement);
    }

    public static JinjaResult FromElement(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"A Jinja2 result must be a JSON object, not {root.ValueKind}.");
        }

        if (root.TryGetProperty("output", out var output))
        {
            return new JinjaResult(output.GetString() ?? string.Empty, null, null, null);
        }

        if (!root.TryGetProperty("error", out var error))
        {
            throw new FormatException("A Jinja2 result has neither 'output' nor 'error'.");
        }

        var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        int? line = root.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : null;
        return new JinjaResult(null, error.GetString(), message, line);
    }

    /// <summary>A one-line description for failure messages (output JSON-quoted, so whitespace shows).</summary>
    public string Describe() => IsError
        ? string.Create(CultureInfo.InvariantCulture, $"{Error}: {Message} (line {(Line is null ? "?" : Line.Value)})")
        : "output " + Quote(Output!);

    /// <summary>Quotes text as a JSON string so that newlines, tabs and trailing spaces are visible.</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text, QuoteOptions);

    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
