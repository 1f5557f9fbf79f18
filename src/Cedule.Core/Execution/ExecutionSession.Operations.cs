using System.Text;
using Cedule.Core.Execution.Adapters;
using Cedule.Core.Execution.Runtime;
using Cedule.Core.Manifest;
using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Execution;

public sealed partial class ExecutionSession
{
    /// <summary>
    /// <c>run-operation</c>: calls a macro (<c>name</c> or <c>package.name</c>) with keyword
    /// arguments in the run-time context, then commits what it did. Template and database errors
    /// are a result with status error.
    /// </summary>
    public NodeResult RunOperation(string macro, PyDict arguments, IDatabaseConnection connection, Action<LogLine>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(connection);
        var dot = macro.IndexOf('.', StringComparison.Ordinal);
        var package = dot > 0 ? macro[..dot] : Parse.Root.Name;
        var name = dot > 0 ? macro[(dot + 1)..] : macro;
        var node = Pseudo("operation", package, name, "{{ __cedule_call(**__cedule_kwargs) }}");
        var started = Time.GetUtcNow();
        var run = new NodeRun(this, node, connection, log, cancellationToken);
        try
        {
            var callable = (dot > 0 ? Project.Macros.Of(package).GetValueOrDefault(name) : Project.Macros.TryResolve(package, name, out var m, out _) ? m : null)
                ?? throw new TemplateException(ErrorKind.HostError, $"no macro named '{macro}' in the project or its packages");
            var kwargs = new PyDict();
            foreach (var (key, value) in arguments)
            {
                kwargs[key] = value;
            }

            var output = new StringBuilder();
            Environment.FromString(node.RawCode, "<run-operation>").RenderTo(output,
                new Dictionary<string, object?>(StringComparer.Ordinal) { ["__cedule_call"] = callable, ["__cedule_kwargs"] = kwargs },
                new RunContext(run).Resolver, cancellationToken);
            if (connection.InTransaction)
            {
                connection.Commit();
            }

            return Result(node, NodeStatus.Success, null, "OK", null) with { StartedAt = started, CompletedAt = Time.GetUtcNow(), Message = output.ToString().Trim() };
        }
        catch (Exception e) when (e is TemplateException or DatabaseException)
        {
            RollbackQuietly(connection);
            return Failed(node, run, e, started);
        }
    }

    /// <summary>
    /// <c>show</c>: the first <paramref name="limit"/> rows of a node's query or of inline SQL (which
    /// may use ref, source and macros), fetched for display on the user's own machine.
    /// </summary>
    /// <exception cref="TemplateException">The SQL did not compile.</exception>
    /// <exception cref="DatabaseException">The database refused it.</exception>
    public ResultTable Show(string? uniqueId, string? inlineSql, int limit, IDatabaseConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var node = uniqueId is not null && _nodes.TryGetValue(uniqueId, out var found) ? found
            : inlineSql is not null ? Pseudo("sql", Parse.Root.Name, "inline_query", inlineSql)
            : throw new ArgumentException($"no enabled node {uniqueId}", nameof(uniqueId));
        var run = new NodeRun(this, node, connection, null, cancellationToken);
        var sql = CompileNode(run);
        var limited = $"select * from (\n{sql}\n) as cedule_show limit {limit.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return connection.Execute(limited, fetch: true, cancellationToken).Table ?? new ResultTable([], []);
    }

    private static ManifestNode Pseudo(string resourceType, string package, string name, string code) => new()
    {
        UniqueId = $"{resourceType}.{package}.{name}",
        ResourceType = resourceType,
        PackageName = package,
        Name = name,
        Path = name + ".sql",
        OriginalFilePath = "<" + resourceType + ">",
        Fqn = [package, name],
        RawCode = code,
    };
}
