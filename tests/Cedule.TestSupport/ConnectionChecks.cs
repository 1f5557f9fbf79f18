using System.Diagnostics;
using Cedule.Core.Execution.Adapters;
using Xunit;

namespace Cedule.TestSupport;

/// <summary>
/// Behaviours every <see cref="IDatabaseConnection"/> shares, checked the same way for each
/// driver's tests (each driver supplies its own SQL).
/// </summary>
public static class ConnectionChecks
{
    /// <summary>
    /// Starts <paramref name="slowSql"/> on another thread, cancels it once it has run ~200 ms, and
    /// checks that the call ends with an <see cref="OperationCanceledException"/> for that token.
    /// Nothing waits on a fixed sleep: the test only polls until the statement has been running.
    /// </summary>
    public static void CancelsRunningStatement(IDatabaseConnection db, string slowSql, CancellationToken testToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(testToken);
        var watch = Stopwatch.StartNew();
        var running = Task.Run(() => db.Execute(slowSql, fetch: true, cancellation.Token), testToken);
        while (!running.IsCompleted && watch.ElapsedMilliseconds < 200)
        {
            Thread.Yield();
        }

        cancellation.Cancel();

        var error = Assert.ThrowsAny<OperationCanceledException>(() => running.GetAwaiter().GetResult());
        Assert.True(error.CancellationToken == cancellation.Token, error.ToString());
    }

    /// <summary>Rollback undoes, commit keeps, committing or beginning twice is refused, rollback without a transaction is a no-op.</summary>
    public static void TransactionsWork(IDatabaseConnection db, CancellationToken testToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Execute("create table tx (n integer)", fetch: false, testToken);

        db.Begin();
        Assert.True(db.InTransaction);
        db.Execute("insert into tx values (1)", fetch: false, testToken);
        db.Rollback();
        Assert.False(db.InTransaction);
        db.Begin();
        db.Execute("insert into tx values (2)", fetch: false, testToken);
        db.Commit();

        Assert.Equal(2L, db.Execute("select sum(n) from tx", fetch: true, testToken).Table!.Rows[0][0]);
        Assert.Throws<DatabaseException>(db.Commit);
        db.Begin();
        Assert.Throws<DatabaseException>(db.Begin);
        db.Rollback();
        db.Rollback();
        Assert.False(db.InTransaction);
    }

    /// <summary>A bulk load cancelled half-way leaves the table empty (the load is atomic).</summary>
    public static void CancelledBulkLoadWritesNothing(IDatabaseConnection db, string schema, CancellationToken testToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Execute($"create table {schema}.big (n bigint)", fetch: false, testToken);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(testToken);

        IEnumerable<object?[]> Rows()
        {
            for (long n = 0; ; n++)
            {
                if (n == 5000)
                {
                    cancellation.Cancel();
                }

                yield return [n];
            }
        }

        Assert.ThrowsAny<OperationCanceledException>(() => db.BulkLoad(new RelationInfo(null, schema, "big"), [new ColumnInfo("n", "bigint", ValueKind.Integer)], Rows(), cancellation.Token));
        Assert.Equal(0L, db.Execute($"select count(*) from {schema}.big", fetch: true, testToken).Table!.Rows[0][0]);
        Assert.False(db.InTransaction);
    }
}
