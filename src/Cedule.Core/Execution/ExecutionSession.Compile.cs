using System.Text;
using Cedule.Core.Execution.Runtime;
using Cedule.Core.Manifest;
using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Execution;

public sealed partial class ExecutionSession
{
    /// <summary>Renders a node's SQL with the run-time context and injects the ephemeral models it references.</summary>
    private string CompileNode(NodeRun run)
    {
        var sql = Render(run);
        if (run.EphemeralRefs.Count == 0)
        {
            return sql;
        }

        var ctes = new List<(string Name, string Sql)>();
        CollectCtes(run, ctes, [run.Node.UniqueId]);
        return InjectCtes(sql, ctes);
    }

    private string Render(NodeRun run)
    {
        var node = run.Node;
        var context = new RunContext(run);
        var output = new StringBuilder();
        if (node.TestMetadata is { } test)
        {
            var macro = FindTestMacro(node, test)
                ?? throw new TemplateException(ErrorKind.HostError, $"no generic test macro test_{test.Name}{(test.Namespace is null ? string.Empty : " in package " + test.Namespace)}");
            var kwargs = new PyDict();
            foreach (var (key, value) in test.Kwargs)
            {
                kwargs[key] = RenderTestArgument(value, context, run.CancellationToken);
            }

            var vars = new Dictionary<string, object?>(StringComparer.Ordinal) { ["__cedule_test"] = macro, ["__cedule_kwargs"] = kwargs };
            TestTemplate.RenderTo(output, vars, context.Resolver, run.CancellationToken);
            return output.ToString().Trim();
        }

        var template = NodeTemplate(node);
        if (node.ResourceType == "snapshot")
        {
            // A snapshot file defines its query in a {% snapshot name %} block: the block's body is the SQL.
            var module = template.MakeModule(null, context.Resolver, run.CancellationToken);
            if (!module.Macros.TryGetValue("snapshot_" + node.Name, out var body))
            {
                throw new TemplateException(ErrorKind.HostError, $"{node.OriginalFilePath} has no {{% snapshot {node.Name} %}} block");
            }

            SnapshotTemplate.RenderTo(output, new Dictionary<string, object?>(StringComparer.Ordinal) { ["__cedule_snapshot"] = body }, context.Resolver, run.CancellationToken);
            return output.ToString().Trim();
        }

        template.RenderTo(output, null, context.Resolver, run.CancellationToken);
        return output.ToString().Trim();
    }

    private Template SnapshotTemplate => _snapshotTemplate ??= Environment.FromString("{{ __cedule_snapshot() }}", "<snapshot>");

    private Template? _snapshotTemplate;

    private Template TestTemplate => _testTemplate ??= Environment.FromString("{{ __cedule_test(**__cedule_kwargs) }}", "<generic test>");

    private Template? _testTemplate;

    /// <summary>Test arguments are rendered as dbt does: <c>model</c> and Jinja strings render; <c>ref(...)</c>/<c>source(...)</c> evaluate.</summary>
    private object? RenderTestArgument(object? value, RunContext context, CancellationToken cancellationToken)
    {
        if (value is not string text)
        {
            return value;
        }

        if (text.StartsWith("ref(", StringComparison.Ordinal) || text.StartsWith("source(", StringComparison.Ordinal))
        {
            text = "{{ " + text + " }}";
        }

        if (!text.Contains("{{", StringComparison.Ordinal) && !text.Contains("{%", StringComparison.Ordinal))
        {
            return value;
        }

        var output = new StringBuilder();
        Environment.FromString(text, "<test argument>").RenderTo(output, null, context.Resolver, cancellationToken);
        return output.ToString();
    }

    private IJinjaCallable? FindTestMacro(ManifestNode node, TestMetadata test)
    {
        var name = "test_" + test.Name;
        if (test.Namespace is not null)
        {
            return Project.Macros.Of(test.Namespace).TryGetValue(name, out var namespaced) ? namespaced : null;
        }

        return Project.Macros.TryResolve(node.PackageName, name, out var macro, out _) ? macro : null;
    }

    /// <summary>Ephemeral models referenced by <paramref name="run"/>, their own ephemeral models first, each once.</summary>
    private void CollectCtes(NodeRun run, List<(string Name, string Sql)> ctes, HashSet<string> visiting)
    {
        foreach (var ephemeral in run.EphemeralRefs)
        {
            var name = CtePrefix + ephemeral.Name;
            if (ctes.Exists(c => c.Name == name))
            {
                continue;
            }

            if (!visiting.Add(ephemeral.UniqueId))
            {
                throw new TemplateException(ErrorKind.HostError, $"ephemeral models reference each other in a cycle through {ephemeral.UniqueId}");
            }

            var inner = new NodeRun(this, ephemeral, run.Connection, null, run.CancellationToken);
            var sql = Render(inner);
            CollectCtes(inner, ctes, visiting);
            ctes.Add((name, sql));
            visiting.Remove(ephemeral.UniqueId);
        }
    }

    /// <summary>
    /// Puts CTEs in front of a query. A query that already begins with <c>WITH</c> (after comments)
    /// gets them inside its own WITH clause, because <c>with a as (...) with b as (...)</c> is not
    /// SQL in any dialect.
    /// </summary>
    internal static string InjectCtes(string sql, IReadOnlyList<(string Name, string Sql)> ctes)
    {
        var definitions = string.Join(",\n", ctes.Select(c => $"{c.Name} as (\n{c.Sql}\n)"));
        var start = SkipComments(sql, 0);
        if (IsKeywordAt(sql, start, "with"))
        {
            var after = start + 4;
            var next = SkipComments(sql, after);
            if (IsKeywordAt(sql, next, "recursive"))
            {
                after = next + "recursive".Length;
            }

            return string.Concat(sql[..after], " ", definitions, ",\n", sql[after..].TrimStart());
        }

        return string.Concat(sql[..start], "with ", definitions, "\n", sql[start..]);
    }

    private static int SkipComments(string sql, int i)
    {
        while (i < sql.Length)
        {
            if (char.IsWhiteSpace(sql[i]))
            {
                i++;
            }
            else if (string.CompareOrdinal(sql, i, "--", 0, 2) == 0)
            {
                var end = sql.IndexOf('\n', i);
                i = end < 0 ? sql.Length : end + 1;
            }
            else if (string.CompareOrdinal(sql, i, "/*", 0, 2) == 0)
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static bool IsKeywordAt(string sql, int i, string keyword) =>
        i + keyword.Length <= sql.Length
        && string.Compare(sql, i, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (i + keyword.Length == sql.Length || !(char.IsLetterOrDigit(sql[i + keyword.Length]) || sql[i + keyword.Length] == '_'));

    private void WriteCompiledFile(ManifestNode node, string sql) => WriteTargetFile("compiled", node, sql);

    private void WriteRunFile(ManifestNode node, NodeRun run)
    {
        if (run.Statements.Count > 0)
        {
            WriteTargetFile("run", node, string.Join(";\n\n", run.Statements) + ";\n");
        }
    }

    /// <summary>dbt's layout: <c>target/compiled/&lt;package&gt;/&lt;path in package&gt;</c>; a generic test goes under its property file's path.</summary>
    private void WriteTargetFile(string kind, ManifestNode node, string sql)
    {
        if (Options.TargetPath is null)
        {
            return;
        }

        var relative = node.TestMetadata is not null ? $"{node.OriginalFilePath}/{node.Path}" : node.OriginalFilePath;
        if (relative.StartsWith(Parse.Root.PackagesInstallPath + "/", StringComparison.Ordinal))
        {
            // dbt_packages/<pkg>/models/x.sql is written as <pkg>/models/x.sql.
            relative = relative[(relative.IndexOf('/', Parse.Root.PackagesInstallPath.Length + 1) + 1)..];
        }

        var path = Path.Combine(Options.TargetPath, kind, node.PackageName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Internal.TargetFile.Write(path, Mask(sql));
    }
}
