using System.Globalization;
using Cedule.Core.Execution;
using Cedule.Core.Execution.Adapters;
using Cedule.Core.Graph;
using Cedule.Core.Manifest;
using Cedule.Core.Parsing;
using Cedule.Core.Project;
using Cedule.Core.Selection;

namespace Cedule.Engine.Tests;

/// <summary>
/// The engine's scenarios, written once and run for real on every database: each test writes a
/// small dbt project into a temporary folder, parses it, runs it with <see cref="BuildRunner"/> (or
/// one node with <see cref="ExecutionSession.Execute"/>) and checks the database and the results.
/// A subclass says how to reach its database; each test builds in a schema of its own, so tests
/// never see each other's relations.
/// </summary>
public abstract partial class EngineScenarioTests : IDisposable
{
    /// <summary>The project's name: unique ids read <c>model.p.x</c>.</summary>
    protected const string Name = "p";

    /// <summary>A value no log, error or compiled file may contain: the profile's password.</summary>
    protected const string Canary = CanaryValue;

    /// <summary>The canary, for fixtures that set it as a real password.</summary>
    public const string CanaryValue = "Canary_s3cr3t_7Q9";

    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);

    protected EngineScenarioTests()
    {
        Dir = Directory.CreateTempSubdirectory("cedule-engine-").FullName;
        Schema = "s" + Guid.NewGuid().ToString("N")[..10];
        Write("dbt_project.yml", $"name: {Name}\nprofile: {Name}\nconfig-version: 2\n");
        SetEnvironment("DBT_ENV_SECRET_PW", Canary);
    }

    /// <summary>The project folder.</summary>
    protected string Dir { get; }

    /// <summary>The target schema of this test.</summary>
    protected string Schema { get; }

    /// <summary>The profile type: <c>duckdb</c>, <c>postgres</c>.</summary>
    protected abstract string AdapterType { get; }

    protected abstract IAdapterDriver Driver { get; }

    /// <summary>The settings of target <c>dev</c> (YAML lines without indentation) building into <paramref name="schema"/>.</summary>
    protected abstract IEnumerable<string> TargetSettings(string schema);

    /// <summary>Log lines of the last run, secrets already masked.</summary>
    protected List<LogLine> Logs { get; } = [];

    protected LogLine[] LogSnapshot()
    {
        lock (Logs)
        {
            return [.. Logs];
        }
    }

    public virtual void Dispose()
    {
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // A database file still open by a pooled connection: the temp folder is cleaned later.
        }
    }

    protected void Write(string path, string text)
    {
        var full = Path.Combine(Dir, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.ReplaceLineEndings("\n"));
    }

    protected void SetEnvironment(string name, string value) => _environment[name] = value;

    /// <summary>Resolves the profile from a profiles.yml written with <see cref="TargetSettings"/> (plus <paramref name="extra"/> lines).</summary>
    protected ResolvedProfile Profile(params string[] extra)
    {
        var lines = TargetSettings(Schema).Concat(extra).Select(l => "      " + l);
        Write("profiles.yml", $"{Name}:\n  target: dev\n  outputs:\n    dev:\n{string.Join('\n', lines)}\n");
        return ProfilesFile.Resolve(Name, null, Dir, Dir, Env);
    }

    protected string? Env(string name) => _environment.TryGetValue(name, out var v) ? v : Environment.GetEnvironmentVariable(name);

    /// <summary>Parses the project as it is on disk now and returns a session on it.</summary>
    protected ExecutionSession Session(bool fullRefresh = false, string which = "build", ResolvedProfile? profile = null)
    {
        profile ??= Profile();
        var parse = new ProjectParser(new ParseOptions { Target = profile.Facts, Environment = Env }).Parse(Dir, TestContext.Current.CancellationToken);
        Assert.True(parse.IsValid, string.Join("\n", parse.Diagnostics));
        return new ExecutionSession(parse, profile, Driver, new RunOptions
        {
            RunStartedAt = TimeProvider.System.GetUtcNow(),
            FullRefresh = fullRefresh,
            Which = which,
            TargetPath = Path.Combine(Dir, "target"),
        });
    }

    /// <summary>Runs <c>build</c> (or <paramref name="which"/>) of the selection, like the CLI.</summary>
    protected async Task<RunOutcome> Build(string? select = null, bool fullRefresh = false, string which = "build", int threads = 2,
        ExecutionSession? session = null, CancellationToken? cancellation = null)
    {
        session ??= Session(fullRefresh, which);
        var dag = ProjectGraph.Build(session.Parse);
        NodeType[] types = which switch
        {
            "run" => [NodeType.Model],
            "test" => [NodeType.Test],
            "seed" => [NodeType.Seed],
            "snapshot" => [NodeType.Snapshot],
            _ => [NodeType.Model, NodeType.Seed, NodeType.Snapshot, NodeType.Test],
        };
        var selection = NodeSelector.Select(dag, new SelectionCriteria
        {
            Select = select is null ? [] : select.Split(' '),
            ResourceTypes = types,
            RootProjectName = Name,
        });
        Assert.Empty(selection.Diagnostics);
        var nodes = selection.UniqueIds.Where(id => !(session.TryGetNode(id, out var n) && n is { ResourceType: "model", Materialized: "ephemeral" })).ToList();
        var plan = new RunPlan(dag, nodes, testsGateChildren: which == "build");
        Logs.Clear();
        return await new BuildRunner(session).RunAsync(plan, threads, log: (_, line) =>
        {
            lock (Logs)
            {
                Logs.Add(line);
            }
        }, cancellationToken: cancellation ?? TestContext.Current.CancellationToken);
    }

    /// <summary>Runs and asserts that nothing failed.</summary>
    protected async Task<RunOutcome> BuildOk(string? select = null, bool fullRefresh = false, string which = "build")
    {
        var outcome = await Build(select, fullRefresh, which);
        Assert.False(outcome.HasFailures || outcome.Results.Any(r => r.Status == NodeStatus.Skipped), Describe(outcome));
        return outcome;
    }

    protected static string Describe(RunOutcome outcome) =>
        string.Join("\n", outcome.Results.Select(r => $"{r.UniqueId}: {r.Status} {r.Message}"));

    protected static NodeResult Result(RunOutcome outcome, string uniqueId) =>
        outcome.Results.SingleOrDefault(r => r.UniqueId == uniqueId) ?? throw new Xunit.Sdk.XunitException($"no result for {uniqueId}:\n{Describe(outcome)}");

    protected static NodeStatus Status(RunOutcome outcome, string uniqueId) => Result(outcome, uniqueId).Status;

    /// <summary>The result of the only test whose id starts with <paramref name="prefix"/> (generic tests end with a hash).</summary>
    protected static NodeResult TestResult(RunOutcome outcome, string prefix) =>
        outcome.Results.Single(r => r.UniqueId.StartsWith("test." + Name + "." + prefix, StringComparison.Ordinal));

    protected IDatabaseConnection Connect() => Driver.Open(Profile());

    /// <summary>Runs a statement outside the engine (set-up, raw tables).</summary>
    protected void Exec(params string[] statements)
    {
        using var connection = Connect();
        foreach (var sql in statements)
        {
            connection.Execute(sql, fetch: false);
        }

        if (connection.InTransaction)
        {
            connection.Commit();
        }
    }

    /// <summary>All rows of a query, each row's values joined by '|', in the query's order.</summary>
    protected List<string> Rows(string sql)
    {
        using var connection = Connect();
        var table = connection.Execute(sql, fetch: true).Table!;
        return [.. table.Rows.Select(r => string.Join('|', r.Select(Text)))];
    }

    protected object? Scalar(string sql)
    {
        using var connection = Connect();
        return connection.Execute(sql, fetch: true).Table!.Rows[0][0];
    }

    protected long Count(string sql) => Convert.ToInt64(Scalar(sql), CultureInfo.InvariantCulture);

    /// <summary>Relation names of this test's schema (lower case, sorted).</summary>
    protected List<string> Relations()
    {
        using var connection = Connect();
        return [.. connection.ListRelations(null, Schema).Select(r => r.Identifier.ToLowerInvariant()).Order(StringComparer.Ordinal)];
    }

    protected string? RelationType(string identifier)
    {
        using var connection = Connect();
        return connection.ListRelations(null, Schema).FirstOrDefault(r => string.Equals(r.Identifier, identifier, StringComparison.OrdinalIgnoreCase))?.Type;
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>A raw table <c>{schema}_raw.{name}</c> (a source), created with plain SQL.</summary>
    protected string RawTable(string name, string columns, string values)
    {
        var table = $"{Schema}_raw.{name}";
        Exec($"create schema if not exists {Schema}_raw", $"drop table if exists {table}", $"create table {table} ({columns})",
            values.Length == 0 ? "select 1" : $"insert into {table} values {values}");
        return table;
    }

    /// <summary>Declares source <c>raw</c> with tables <paramref name="tables"/> in schema <c>{schema}_raw</c>.</summary>
    protected void Sources(params string[] tables) =>
        Write("models/sources.yml", $"version: 2\nsources:\n  - name: raw\n    schema: {Schema}_raw\n    tables:\n{string.Concat(tables.Select(t => $"      - name: {t}\n"))}");

    protected static string Model(string name) => $"model.{Name}.{name}";
}
