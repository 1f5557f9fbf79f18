using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cedule.Jinja;
using Cedule.Jinja.Loaders;

namespace Cedule.Cli.Commands;

/// <summary>
/// <c>cedule render</c>: renders one Jinja template with JSON variables, or a batch of cases
/// (one JSON object per line) for differential testing against Jinja2.
/// </summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("template") { Description = "The template file to render.", Arity = ArgumentArity.ZeroOrOne };
        var vars = new Option<string?>("--vars") { Description = "Variables as a JSON object, or @file.json to read them from a file." };
        var strict = new Option<bool>("--strict") { Description = "Fail on every use of an undefined variable (StrictUndefined)." };
        var cases = new Option<FileInfo?>("--cases")
        {
            Description = "Render every case of a JSON-lines file ({\"template\": ..., \"vars\": {...}, \"strict\": bool}) and print one JSON result per line.",
        };
        var templates = new Option<DirectoryInfo?>("--templates") { Description = "Folder that include/import/extends load templates from." };
        var command = new Command("render", "Render a Jinja template with JSON variables.") { file, vars, strict, cases, templates };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var casesFile = parse.GetValue(cases);
            var templateFile = parse.GetValue(file);
            var templatesDir = parse.GetValue(templates);
            if (casesFile is not null)
            {
                return Task.FromResult(RenderCases(casesFile, templatesDir, output, error, cancellationToken));
            }

            if (templateFile is null)
            {
                error.WriteLine("cedule render: give a TEMPLATE file or --cases FILE.jsonl");
                return Task.FromResult(CeduleCommand.UsageError);
            }

            return Task.FromResult(RenderFile(templateFile, templatesDir, parse.GetValue(vars), parse.GetValue(strict), output, error, cancellationToken));
        });
        return command;
    }

    private static int RenderFile(
        FileInfo file, DirectoryInfo? templatesDir, string? varsText, bool strict, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        Dictionary<string, object?> variables;
        string source;
        try
        {
            source = File.ReadAllText(file.FullName);
            variables = ParseVars(varsText);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"cedule render: {e.Message}");
            return CeduleCommand.UsageError;
        }

        var environment = CreateEnvironment(strict, templatesDir?.FullName ?? file.DirectoryName);
        try
        {
            var template = environment.FromString(source, file.Name);
            output.Write(template.Render(variables, cancellationToken));
            return 0;
        }
        catch (TemplateException e)
        {
            error.WriteLine(e.Message);
            return CeduleCommand.UsageError;
        }
    }

    private static int RenderCases(FileInfo file, DirectoryInfo? templatesDir, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"cedule render: {e.Message}");
            return CeduleCommand.UsageError;
        }

        var root = templatesDir?.FullName;
        var lenient = CreateEnvironment(strict: false, root);
        var strictEnvironment = CreateEnvironment(strict: true, root);
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            output.Write(RenderCase(line, lenient, strictEnvironment, cancellationToken));
            output.Write('\n');
        }

        return 0;
    }

    private static string RenderCase(string line, Jinja.Environment lenient, Jinja.Environment strict, CancellationToken cancellationToken)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var request = document.RootElement;
            var template = request.TryGetProperty("template", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()!
                : throw new InvalidDataException("'template' must be a string");
            var variables = request.TryGetProperty("vars", out var v) && v.ValueKind == JsonValueKind.Object
                ? ToVariables(v)
                : [];
            var isStrict = request.TryGetProperty("strict", out var s) && s.ValueKind == JsonValueKind.True;
            var environment = isStrict ? strict : lenient;
            return Result("output", environment.FromString(template).Render(variables, cancellationToken));
        }
        catch (TemplateException e)
        {
            return Result("error", e.ToShortString(), e.HasLocation ? e.Line : null);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            return Result("error", $"InputError: {e.Message}");
        }
    }

    private static Jinja.Environment CreateEnvironment(bool strict, string? templatesRoot)
    {
        var environment = new Jinja.Environment(new EnvironmentOptions { StrictUndefined = strict });
        if (templatesRoot is not null)
        {
            environment.Loader = new FileSystemLoader(templatesRoot);
        }

        return environment;
    }

    private static Dictionary<string, object?> ParseVars(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        if (text.StartsWith('@'))
        {
            text = File.ReadAllText(text[1..]);
        }

        using var document = JsonDocument.Parse(text);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("--vars must be a JSON object");
        }

        return ToVariables(document.RootElement);
    }

    private static Dictionary<string, object?> ToVariables(JsonElement element)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            // Clone: the document is disposed before the render reads the values.
            variables[property.Name] = property.Value.Clone();
        }

        return variables;
    }

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Result(string key, string value, int? line = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(key, value);
            if (line is not null)
            {
                writer.WriteNumber("line", line.Value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
