using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cedule.Core;
using Cedule.Core.Diagnostics;
using Cedule.Core.Execution;
using Cedule.Core.Execution.Adapters;
using Cedule.Jinja.Values;

namespace Cedule.Cli.Commands;

/// <summary><c>cedule run-operation MACRO --args YAML</c> and <c>cedule show</c>, as their dbt namesakes.</summary>
internal static class OperationCommands
{
    public static Command RunOperation()
    {
        var macro = new Argument<string>("macro") { Description = "The macro to call (name or package.name)." };
        var arguments = new Option<string?>("--args") { Description = "The macro's keyword arguments as a YAML or JSON mapping." };
        var command = new Command("run-operation", "Call a macro against the target database (grants, maintenance, one-off scripts).") { macro, arguments };
        ProjectLoading.AddOptions(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            PyDict args;
            try
            {
                args = string.IsNullOrWhiteSpace(parse.GetValue(arguments)) ? new PyDict()
                    : Core.Yaml.YamlValues.ToValue(Core.Yaml.YamlReader.Read(parse.GetValue(arguments)!, "--args")) as PyDict
                      ?? throw new ProjectException(Diagnostic.Error(DiagnosticCodes.YamlSyntax, "--args must be a mapping such as {table: orders}", SourceLocation.InFile("--args")));
            }
            catch (ProjectException e)
            {
                stderr.WriteLine(e.Message);
                return Task.FromResult(CeduleCommand.UsageError);
            }

            var session = Open(parse, stderr, "run-operation", cancellationToken);
            if (session is null)
            {
                return Task.FromResult(CeduleCommand.UsageError);
            }

            try
            {
                using var connection = session.OpenConnection(cancellationToken);
                var result = session.RunOperation(parse.GetValue(macro)!, args, connection, line => stdout.WriteLine(line.Message), cancellationToken);
                if (result.IsFailure)
                {
                    stderr.WriteLine($"run-operation {parse.GetValue(macro)} failed: {result.Message}");
                    return Task.FromResult(1);
                }

                return Task.FromResult(0);
            }
            catch (DatabaseException e)
            {
                stderr.WriteLine(session.Mask("Database Error: " + e.Message));
                return Task.FromResult(1);
            }
        });
        return command;
    }

    public static Command Show()
    {
        var inline = new Option<string?>("--inline") { Description = "A SQL query to preview (may use ref, source and macros)." };
        var select = new Option<string?>("--select", "-s") { Description = "The node whose query to preview." };
        var limit = new Option<int>("--limit") { Description = "Rows to show.", DefaultValueFactory = _ => 5 };
        var output = new Option<string>("--output", "-o") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        var command = new Command("show", "Preview the rows of a node's query or of inline SQL, on this machine only.") { inline, select, limit, output };
        ProjectLoading.AddOptions(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if ((parse.GetValue(inline) is null) == (parse.GetValue(select) is null) || parse.GetValue(output) is not ("table" or "json"))
            {
                stderr.WriteLine("cedule show: give exactly one of --inline SQL or --select NODE; --output is table or json");
                return Task.FromResult(CeduleCommand.UsageError);
            }

            var session = Open(parse, stderr, "show", cancellationToken);
            if (session is null)
            {
                return Task.FromResult(CeduleCommand.UsageError);
            }

            string? uniqueId = null;
            if (parse.GetValue(select) is { } name)
            {
                uniqueId = session.Parse.EnabledNodes.FirstOrDefault(n => n.Name == name || n.UniqueId == name)?.UniqueId;
                if (uniqueId is null)
                {
                    stderr.WriteLine($"cedule show: no node named '{name}'");
                    return Task.FromResult(CeduleCommand.UsageError);
                }
            }

            try
            {
                using var connection = session.OpenConnection(cancellationToken);
                var table = session.Show(uniqueId, parse.GetValue(inline), parse.GetValue(limit), connection, cancellationToken);
                stdout.WriteLine(parse.GetValue(output) == "json" ? Json(table) : Text(table));
                return Task.FromResult(0);
            }
            catch (Jinja.TemplateException e)
            {
                stderr.WriteLine(e.Message);
                return Task.FromResult(1);
            }
            catch (DatabaseException e)
            {
                stderr.WriteLine(session.Mask("Database Error: " + e.Message));
                return Task.FromResult(1);
            }
        });
        return command;
    }

    private static ExecutionSession? Open(System.CommandLine.ParseResult parse, TextWriter stderr, string which, CancellationToken cancellationToken)
    {
        var loaded = ProjectLoading.LoadWithProfile(parse, stderr, cancellationToken);
        if (loaded is null)
        {
            return null;
        }

        var (result, directory, profile) = loaded.Value;
        return new ExecutionSession(result, profile, Drivers.All.Get(profile.Facts.Type), new RunOptions
        {
            RunStartedAt = TimeProvider.System.GetUtcNow(),
            Which = which,
            TargetPath = Path.Combine(directory, result.Root.TargetPath),
        });
    }

    /// <summary>A JSON list of row objects keyed by column name (the rows of dbt show's json output).</summary>
    private static string Json(ResultTable table)
    {
        var rows = table.Rows.Select(row =>
        {
            var obj = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                obj[table.Columns[i].Name] = row[i] switch
                {
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
                    var v => v,
                };
            }

            return obj;
        });
        return JsonSerializer.Serialize(rows.ToList(), JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Text(ResultTable table)
    {
        var cells = table.Rows.Select(r => r.Select(v => v switch
        {
            null => string.Empty,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var o => o.ToString() ?? string.Empty,
        }).ToArray()).ToList();
        var widths = table.Columns.Select((c, i) => Math.Max(c.Name.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        var lines = new List<string>
        {
            "| " + string.Join(" | ", table.Columns.Select((c, i) => c.Name.PadRight(widths[i]))) + " |",
            "| " + string.Join(" | ", widths.Select(w => new string('-', w))) + " |",
        };
        lines.AddRange(cells.Select(r => "| " + string.Join(" | ", r.Select((v, i) => v.PadRight(widths[i]))) + " |"));
        return string.Join('\n', lines);
    }
}
