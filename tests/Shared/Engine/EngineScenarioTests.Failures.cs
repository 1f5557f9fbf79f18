using System.Diagnostics;
using Cedule.Core.Execution;

namespace Cedule.Engine.Tests;

public abstract partial class EngineScenarioTests
{
    /// <summary>A query that runs for many seconds unless cancelled.</summary>
    protected abstract string SlowQuery { get; }

    /// <summary>Target settings that cannot connect, and what the error must name instead of the password.</summary>
    protected abstract (IEnumerable<string> Settings, string[] Named) BrokenTarget(string schema);

    [Fact]
    public async Task Cancellation_MidRun_StopsPromptlyCancelsTheNodeSkipsDownstreamAndChangesNothing()
    {
        Write("models/slow.sql", "{{ config(materialized='table') }}\nselect 1 as v");
        Write("models/after.sql", "select v from {{ ref('slow') }}");
        await BuildOk(which: "run");
        Write("models/slow.sql", "{{ config(materialized='table') }}\n" + SlowQuery);
        var session = Session(which: "run");
        using var cancel = new CancellationTokenSource();
        var running = Build(which: "run", session: session, cancellation: cancel.Token);

        // Wait until the slow statement is on its way (its create statement logged), then cancel.
        await Until(() => LogSnapshot().Any(l => l.Message.Contains("__dbt_tmp", StringComparison.Ordinal)), TimeSpan.FromSeconds(20));
        var stopwatch = Stopwatch.StartNew();
        await cancel.CancelAsync();
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed} to stop");
        Assert.True(outcome.Cancelled);
        var slow = Result(outcome, Model("slow"));
        Assert.Equal(NodeStatus.Error, slow.Status);
        Assert.Contains("cancel", slow.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(NodeStatus.Skipped, Status(outcome, Model("after")));
        Assert.Equal(["1"], Rows($"select v from {Schema}.slow"));
        Assert.Equal(["after", "slow"], Relations());
    }

    [Fact]
    public async Task ConnectionFailure_ErrorsEveryNodeNamingTheServerNeverThePassword()
    {
        Write("models/m.sql", "select 1 as id");
        var (settings, named) = BrokenTarget(Schema);
        Write("profiles.yml", $"{Name}:\n  target: dev\n  outputs:\n    dev:\n{string.Join('\n', settings.Select(l => "      " + l))}\n");
        var profile = Core.Project.ProfilesFile.Resolve(Name, null, Dir, Dir, Env);
        Assert.Contains(Canary, profile.SecretValues);
        var parse = new Core.Parsing.ProjectParser(new Core.Parsing.ParseOptions { Target = profile.Facts, Environment = Env }).Parse(Dir, TestContext.Current.CancellationToken);
        var session = new ExecutionSession(parse, profile, Driver, new RunOptions { Which = "run" });

        var outcome = await Build(which: "run", session: session);

        var result = Result(outcome, Model("m"));
        Assert.Equal(NodeStatus.Error, result.Status);
        foreach (var part in named)
        {
            Assert.Contains(part, result.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Canary, result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, string.Join("\n", Logs.Select(l => l.Message)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_InSqlLogsAndErrors_AreMaskedEverywhereTheEngineWrites()
    {
        Write("models/leaky.sql", $"{{{{ config(materialized='table') }}}}\n{{% do log('the password is {Canary}', info=True) %}}\nselect '{Canary}' as leaked");
        Write("models/failing.sql", $"{{{{ config(materialized='table') }}}}\nselect cast('{Canary}' as integer) as boom");

        var outcome = await Build(which: "run");

        // Positive control: the SQL really carried the value to the database.
        Assert.Equal([Canary], Rows($"select leaked from {Schema}.leaky"));
        var leaky = Result(outcome, Model("leaky"));
        Assert.Equal(NodeStatus.Success, leaky.Status);
        Assert.Contains("*****", leaky.CompiledSql, StringComparison.Ordinal);
        var failing = Result(outcome, Model("failing"));
        Assert.Equal(NodeStatus.Error, failing.Status);
        foreach (var r in outcome.Results)
        {
            Assert.DoesNotContain(Canary, r.Message ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain(Canary, r.CompiledSql ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain(Canary, r.AdapterMessage ?? string.Empty, StringComparison.Ordinal);
        }

        Assert.Contains(Logs, l => l.Message.Contains("the password is *****", StringComparison.Ordinal));
        Assert.DoesNotContain(Logs, l => l.Message.Contains(Canary, StringComparison.Ordinal));
        var written = Directory.GetFiles(Path.Combine(Dir, "target"), "*", SearchOption.AllDirectories);
        Assert.NotEmpty(written);
        Assert.All(written, f => Assert.DoesNotContain(Canary, File.ReadAllText(f), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConcurrentAttempts_OfOneTableNode_BothSucceedOneAfterTheOther()
    {
        Write("models/t.sql", "{{ config(materialized='table') }}\nselect 1 as id");
        await BuildOk(which: "run");
        var session = Session(which: "run");

        var attempts = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            using var connection = session.OpenConnection(TestContext.Current.CancellationToken);
            return session.Execute(Model("t"), connection, cancellationToken: TestContext.Current.CancellationToken);
        }, TestContext.Current.CancellationToken)).ToArray();
        var results = await Task.WhenAll(attempts).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.True(r.Status == NodeStatus.Success, r.Message));
        Assert.Equal(["1"], Rows($"select id from {Schema}.t"));
        Assert.Equal(["t"], Relations());
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or the deadline passes (no fixed sleep).</summary>
    protected static async Task Until(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException("the condition did not hold in time");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
