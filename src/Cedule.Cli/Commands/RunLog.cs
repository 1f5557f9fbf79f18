using System.Text.Json;
using Cedule.Core.Execution;

namespace Cedule.Cli.Commands;

/// <summary><c>logs/cedule.log</c>: one JSON object per line (time, level, node, message, invocation), appended across runs.</summary>
internal sealed class RunLog : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly string _invocationId;
    private readonly Lock _lock = new();

    private RunLog(StreamWriter writer, string invocationId)
    {
        _writer = writer;
        _invocationId = invocationId;
    }

    public static RunLog Open(string directory, string invocationId)
    {
        Directory.CreateDirectory(directory);
        var stream = new FileStream(Path.Combine(directory, "cedule.log"), FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        return new RunLog(new StreamWriter(stream) { AutoFlush = false }, invocationId);
    }

    public void Write(string node, LogLine line)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["ts"] = line.Timestamp.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["level"] = line.Level,
            ["node"] = node,
            ["invocation_id"] = _invocationId,
            ["msg"] = line.Message,
        }, JsonOptions);
        lock (_lock)
        {
            _writer.WriteLine(json);
        }
    }

    // French messages stay readable in the file: accents are not escaped (JSON allows them).
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Dispose()
    {
        lock (_lock)
        {
            _writer.Dispose();
        }
    }
}
