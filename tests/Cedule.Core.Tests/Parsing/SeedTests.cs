using Cedule.Core.Diagnostics;
using Cedule.Core.Parsing;
using Cedule.Jinja.Values;

namespace Cedule.Core.Tests.Parsing;

/// <summary>Seed configs and CSV checks at parse time.</summary>
public sealed class SeedTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Parse_SeedConfigs_AreCarriedInTheNodeConfigAndTheDelimiterIsUsed()
    {
        _project
            .Write("dbt_project.yml", """
                name: shop
                version: "1.0.0"
                config-version: 2
                seeds:
                  shop:
                    +quote_columns: false
                    +column_types: {id: bigint}
                """)
            .Write("seeds/countries.csv", "\uFEFFcode;name\nCA;Canada\nFR;\"France; métropole\"\n")
            .Write("seeds/_seeds.yml", """
                seeds:
                  - name: countries
                    config:
                      delimiter: ";"
                      column_types: {code: char(2)}
                """);

        var result = _project.Parse();

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        var seed = result.Nodes.Single(n => n.UniqueId == "seed.shop.countries");
        Assert.Equal(false, seed.Config["quote_columns"]);
        Assert.Equal(";", seed.Config["delimiter"]);
        Assert.Equal("{'id': 'bigint', 'code': 'char(2)'}", PyOps.Repr(seed.Config["column_types"]));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Parse_MalformedSeeds_AreReportedAtLineAndColumn()
    {
        _project
            .Write("seeds/wide.csv", "id,name\n1,a\n2,b,extra\n")
            .Write("seeds/unclosed.csv", "id,name\r\n1,\"never closed\r\n2,b\r\n")
            .Write("seeds/short.csv", "id,name\n1\n")
            .Write("seeds/bad_delimiter.csv", "id\n1\n")
            .Write("seeds/_seeds.yml", "seeds:\n  - name: bad_delimiter\n    config:\n      delimiter: '||'\n");

        var result = _project.Parse();

        Assert.False(result.IsValid);
        var seedProblems = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.SeedFormat)
            .ToDictionary(d => d.Location.Path, d => d);
        Assert.Equal((3, 5, Severity.Error), (seedProblems["seeds/wide.csv"].Location.Line, seedProblems["seeds/wide.csv"].Location.Column, seedProblems["seeds/wide.csv"].Severity));
        Assert.Equal((2, 3), (seedProblems["seeds/unclosed.csv"].Location.Line, seedProblems["seeds/unclosed.csv"].Location.Column));
        Assert.Equal((2, Severity.Warning), (seedProblems["seeds/short.csv"].Location.Line, seedProblems["seeds/short.csv"].Severity));
        Assert.Contains("'||'", seedProblems["seeds/_seeds.yml"].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_QuotedValues_KeepDelimitersQuotesAndLineBreaks()
    {
        var table = SeedCsv.Read("\uFEFFa,b\r\n\"x,1\",\"say \"\"hi\"\"\"\r\n\r\n\"two\nlines\",\r\n", ',', "s.csv");

        Assert.Equal(["a", "b"], table.Columns);
        Assert.Equal(2, table.RowCount);
        Assert.Equal(["x,1", "say \"hi\""], table.Rows[0]);
        Assert.Equal(["two\nlines", ""], table.Rows[1]);
    }
}
