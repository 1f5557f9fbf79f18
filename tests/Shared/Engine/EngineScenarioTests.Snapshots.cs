using Cedule.Core.Execution;

namespace Cedule.Engine.Tests;

public abstract partial class EngineScenarioTests
{
    private void SnapshotProject(string config)
    {
        RawTable("customers", "id integer, name varchar(20), updated_at timestamp",
            "(1, 'ann', timestamp '2024-01-01 00:00:00'), (2, 'bob', timestamp '2024-01-01 00:00:00'), (3, 'cid', timestamp '2024-01-01 00:00:00')");
        Sources("customers");
        Write("snapshots/customers_snapshot.sql",
            "{% snapshot customers_snapshot %}\n{{ config(target_schema='" + Schema + "', unique_key='id', " + config + ") }}\n" +
            "select * from {{ source('raw', 'customers') }}\n{% endsnapshot %}\n");
    }

    private void ChangeCustomers() => Exec(
        $"update {Schema}_raw.customers set name = 'ann2', updated_at = timestamp '2024-02-01 00:00:00' where id = 1",
        $"delete from {Schema}_raw.customers where id = 2",
        $"insert into {Schema}_raw.customers values (4, 'dee', timestamp '2024-02-01 00:00:00')");

    [Theory]
    [InlineData("strategy='timestamp', updated_at='updated_at', hard_deletes='invalidate'")]
    [InlineData("strategy='check', check_cols=['name'], hard_deletes='invalidate'")]
    [InlineData("strategy='check', check_cols='all', invalidate_hard_deletes=True")]
    public async Task Snapshot_ChangeAndHardDelete_ClosesTheOldVersionsAndAddsTheNew(string config)
    {
        SnapshotProject(config);
        var first = await BuildOk(which: "snapshot");
        Assert.Equal(NodeStatus.Success, Status(first, $"snapshot.{Name}.customers_snapshot"));
        Assert.Equal(3, Count($"select count(*) from {Schema}.customers_snapshot where dbt_valid_to is null"));
        ChangeCustomers();

        await BuildOk(which: "snapshot");
        await BuildOk(which: "snapshot");

        Assert.Equal(
            ["1|ann|closed", "1|ann2|open", "2|bob|closed", "3|cid|open", "4|dee|open"],
            Rows($"select id, name, case when dbt_valid_to is null then 'open' else 'closed' end from {Schema}.customers_snapshot order by id, dbt_valid_from, name"));
        Assert.Equal(5, Count($"select count(distinct dbt_scd_id) from {Schema}.customers_snapshot"));
        Assert.Equal(["customers_snapshot"], Relations());
    }

    [Fact]
    public async Task Snapshot_HardDeletesIgnored_KeepsTheDeletedRowOpen()
    {
        SnapshotProject("strategy='timestamp', updated_at='updated_at'");
        await BuildOk(which: "snapshot");
        ChangeCustomers();

        await BuildOk(which: "snapshot");

        Assert.Equal(["2|open"], Rows($"select id, case when dbt_valid_to is null then 'open' else 'closed' end from {Schema}.customers_snapshot where id = 2"));
    }

    [Fact]
    public async Task Snapshot_TimestampStrategy_ValidFromIsTheUpdatedAtValue()
    {
        SnapshotProject("strategy='timestamp', updated_at='updated_at'");
        await BuildOk(which: "snapshot");
        ChangeCustomers();

        await BuildOk(which: "snapshot");

        Assert.Equal(["2024-02-01"], Rows($"select cast(cast(dbt_valid_to as date) as varchar(10)) from {Schema}.customers_snapshot where id = 1 and dbt_valid_to is not null"));
    }
}
