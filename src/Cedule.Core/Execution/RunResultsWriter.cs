using System.Globalization;
using System.Text.Json;

namespace Cedule.Core.Execution;

/// <summary>Writes <c>target/run_results.json</c> in dbt's shape (schema v6): one entry per node with status, timing, adapter response and message.</summary>
public static class RunResultsWriter
{
    /// <summary>dbt's status names.</summary>
    public static string StatusName(NodeStatus status) => status switch
    {
        NodeStatus.Success => "success",
        NodeStatus.Error => "error",
        NodeStatus.Skipped => "skipped",
        NodeStatus.Pass => "pass",
        NodeStatus.Fail => "fail",
        NodeStatus.Warn => "warn",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Writes the file.</summary>
    public static void Write(Stream stream, RunOutcome outcome, RunOptions options, DateTimeOffset generatedAt, IReadOnlyDictionary<string, string?> args)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(options);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("metadata");
        json.WriteString("dbt_schema_version", "https://schemas.getdbt.com/dbt/run-results/v6.json");
        json.WriteString("dbt_version", EngineInfo.DbtCompatibility + ".0");
        json.WriteString("generated_at", Iso(generatedAt));
        json.WriteString("invocation_id", options.InvocationId);
        json.WriteString("generator", "cedule " + EngineInfo.Version);
        json.WriteStartObject("env");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var result in outcome.Results)
        {
            json.WriteStartObject();
            json.WriteString("status", StatusName(result.Status));
            json.WriteStartArray("timing");
            if (result.Status != NodeStatus.Skipped)
            {
                json.WriteStartObject();
                json.WriteString("name", "execute");
                json.WriteString("started_at", Iso(result.StartedAt));
                json.WriteString("completed_at", Iso(result.CompletedAt));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("thread_id", "Thread-1");
            json.WriteNumber("execution_time", Math.Round(result.ExecutionTime.TotalSeconds, 6));
            json.WriteStartObject("adapter_response");
            if (result.AdapterMessage is not null)
            {
                json.WriteString("_message", result.AdapterMessage);
            }

            if (result.RowsAffected is { } rows && result.Failures is null)
            {
                json.WriteNumber("rows_affected", rows);
            }

            json.WriteEndObject();
            WriteNullable(json, "message", result.Message);
            if (result.Failures is { } failures)
            {
                json.WriteNumber("failures", failures);
            }
            else
            {
                json.WriteNull("failures");
            }

            json.WriteString("unique_id", result.UniqueId);
            json.WriteBoolean("compiled", result.CompiledSql is not null);
            WriteNullable(json, "compiled_code", result.CompiledSql);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("elapsed_time", Math.Round(outcome.Elapsed.TotalSeconds, 6));
        json.WriteStartObject("args");
        foreach (var (key, value) in args)
        {
            WriteNullable(json, key, value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
