namespace Cedule.Engine.Tests;

public abstract partial class EngineScenarioTests
{
    private List<string> ColumnTypes(string identifier)
    {
        using var connection = Connect();
        return [.. connection.GetColumns(null, Schema, identifier).Select(c => c.Name.ToLowerInvariant() + ":" + c.Kind)];
    }

    [Fact]
    public async Task Seed_InfersTypesAndHonoursColumnTypes()
    {
        Write("seeds/countries.csv", "code,name,population,ratio,founded,active\nCA,Canada,40,0.5,1867-07-01,true\nFR,France,68,1.25,1792-09-22,false\n");
        Write("dbt_project.yml", $"name: {Name}\nprofile: {Name}\nconfig-version: 2\nseeds:\n  {Name}:\n    countries:\n      +column_types:\n        code: varchar(2)\n        population: bigint\n");

        var outcome = await BuildOk(which: "seed");

        Assert.Equal(2, Result(outcome, $"seed.{Name}.countries").RowsAffected);
        Assert.Equal(["CA|Canada|40|0.5|true", "FR|France|68|1.25|false"],
            Rows($"select code, name, population, ratio, active from {Schema}.countries order by code"));
        var types = ColumnTypes("countries");
        Assert.Contains(types, t => t.StartsWith("founded:Date", StringComparison.Ordinal));
        Assert.Contains(types, t => t.StartsWith("active:Boolean", StringComparison.Ordinal));
        Assert.Equal(1, Count($"select count(*) from {Schema}.countries where founded = date '1867-07-01'"));
    }

    [Fact]
    public async Task Seed_ReseedSameColumns_ReloadsInPlaceAndDependentViewKeepsWorking()
    {
        Write("seeds/codes.csv", "code,label\n1,one\n2,two\n");
        Write("models/codes_view.sql", "select code, label from {{ ref('codes') }}");
        await BuildOk();
        Write("seeds/codes.csv", "code,label\n1,uno\n3,tres\n4,cuatro\n");

        await BuildOk(which: "seed");

        Assert.Equal(["1|uno", "3|tres", "4|cuatro"], Rows($"select code, label from {Schema}.codes_view order by code"));
        Assert.Equal(["codes", "codes_view"], Relations());
    }

    [Fact]
    public async Task Seed_ColumnsChangeOrFullRefresh_RecreatesTheTable()
    {
        Write("seeds/codes.csv", "code,label\n1,one\n");
        await BuildOk(which: "seed");
        Write("seeds/codes.csv", "code,label,extra\n1,one,x\n");

        await BuildOk(which: "seed");
        Assert.Equal(["1|one|x"], Rows($"select code, label, extra from {Schema}.codes"));
        await BuildOk(which: "seed", fullRefresh: true);

        Assert.Equal(["1|one|x"], Rows($"select code, label, extra from {Schema}.codes"));
        Assert.Equal(["codes"], Relations());
    }
}
