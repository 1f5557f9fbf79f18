using System.Globalization;
using System.Text;
using Cedule.Core.Diagnostics;
using Cedule.Core.Execution.Adapters;
using Cedule.Core.Execution.Seeds;

namespace Cedule.Core.Tests.Execution.Seeds;

public sealed class CsvSeedTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cedule-seed-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("1\n-2\n+3\n1,000", ValueKind.Integer)]
    [InlineData("1\n2.5\n-0.25", ValueKind.Decimal)]
    [InlineData("1.0", ValueKind.Decimal)]
    [InlineData("99999999999999999999", ValueKind.Decimal)]
    [InlineData("true\nFALSE\nTrue", ValueKind.Boolean)]
    [InlineData("2024-01-31\n2023-12-01", ValueKind.Date)]
    [InlineData("2024-02-30", ValueKind.Text)]
    [InlineData("2024-01-31 13:45:00\n2024-02-01 00:00:01", ValueKind.Timestamp)]
    [InlineData("2024-01-31T13:45:00\n2024-01-31T13:45:00.123456\n2024-01-31T13:45Z\n2024-01-31T13:45:00+02:00", ValueKind.Timestamp)]
    [InlineData("2024-01-31\n2024-01-31 13:45:00", ValueKind.Text)]
    [InlineData("2024-01-31 13:45:00\n2024-01-31T13:45:00", ValueKind.Text)]
    [InlineData("1\ntrue", ValueKind.Text)]
    [InlineData("1\nabc", ValueKind.Text)]
    [InlineData("yes\nno", ValueKind.Text)]
    [InlineData("\n\n", ValueKind.Text)]
    [InlineData("1\n\n2", ValueKind.Integer)]
    public void Read_Column_InfersTypeLikeAgate(string values, ValueKind expected)
    {
        var lines = values.Split('\n').Select(v => v.Contains(',', StringComparison.Ordinal) ? $"\"{v}\"" : v);
        var path = Write("id,x\n" + string.Join("\n", lines.Select((v, i) => $"{i},{v}")) + "\n");

        var seed = CsvSeed.Read(path, new SeedOptions(), TestContext.Current.CancellationToken);

        Assert.Equal(expected, seed.Columns[1].Kind);
    }

    [Fact]
    public void Rows_TypedColumns_ConvertWithInvariantCultureAndNulls()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("fr-CA");
        try
        {
            var path = Write("i,d,b,dt,ts,t\n1,2.5,true,2024-01-31,2024-01-31T13:45:00,hello\n,,,,,\n\"1,234\",-0.125,FALSE,2023-12-01,2024-01-31T13:45:00.5+01:00,  spaced \n");

            var seed = CsvSeed.Read(path, new SeedOptions(), TestContext.Current.CancellationToken);
            var rows = seed.Rows.ToList();

            Assert.Equal(
                [ValueKind.Integer, ValueKind.Decimal, ValueKind.Boolean, ValueKind.Date, ValueKind.Timestamp, ValueKind.Text],
                seed.Columns.Select(c => c.Kind));
            Assert.Equal(3, seed.RowCount);
            Assert.Equal([1L, 2.5m, true, new DateOnly(2024, 1, 31), new DateTime(2024, 1, 31, 13, 45, 0), "hello"], rows[0]);
            Assert.All(rows[1], Assert.Null);
            Assert.Equal([1234L, -0.125m, false, new DateOnly(2023, 12, 1), new DateTime(2024, 1, 31, 12, 45, 0, 500), "  spaced "], rows[2]);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Read_ColumnTypesOverride_KeepsTextOfTheFile()
    {
        var path = Write("code,n\n00123,1\n00456,2\n");

        var seed = CsvSeed.Read(path, new SeedOptions(ColumnTypes: new Dictionary<string, string> { ["code"] = "varchar(5)" }), TestContext.Current.CancellationToken);

        Assert.Equal(new SeedColumn("code", ValueKind.Text, "varchar(5)"), seed.Columns[0]);
        Assert.Equal(new SeedColumn("n", ValueKind.Integer), seed.Columns[1]);
        Assert.Equal(["00123", "00456"], seed.Rows.Select(r => r[0]));
    }

    [Fact]
    public void Read_QuotedFieldsWithDelimiterQuotesAndNewlines_AreOneField()
    {
        var path = Write("a;b\r\n\"x;y\";\"say \"\"hi\"\"\r\nthere\"\r\n\r\nplain;\"\"\r\n", bom: true);

        var seed = CsvSeed.Read(path, new SeedOptions(Delimiter: ';'), TestContext.Current.CancellationToken);
        var rows = seed.Rows.ToList();

        Assert.Equal(["a", "b"], seed.Columns.Select(c => c.Name));
        Assert.Equal(2, rows.Count);
        Assert.Equal(["x;y", "say \"hi\"\r\nthere"], rows[0]);
        Assert.Equal(["plain", null], rows[1]);
    }

    [Fact]
    public void Read_Bom_IsNotPartOfTheFirstColumnName()
    {
        var path = Write("id,name\n1,a\n", bom: true);

        Assert.Equal("id", CsvSeed.Read(path, new SeedOptions(), TestContext.Current.CancellationToken).Columns[0].Name);
    }

    [Theory]
    [InlineData("a,b\n1,2\n3,\"open\n4,5\n", 3, 3, "unterminated")]
    [InlineData("a,b\n1,2\n3,4,5\n", 3, 5, "3 fields")]
    [InlineData("a,b\n1,2\n3\n", 3, 2, "1 fields")]
    [InlineData("a,,c\n1,2,3\n", 1, 3, "no name")]
    [InlineData("", 1, 1, "empty")]
    public void Read_MalformedCsv_ThrowsProjectExceptionWithPosition(string text, int line, int column, string fragment)
    {
        var path = Write(text);

        var error = Assert.Throws<ProjectException>(() => CsvSeed.Read(path, new SeedOptions(DisplayPath: "seeds/x.csv"), TestContext.Current.CancellationToken));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.SeedCsv, diagnostic.Code);
        Assert.Equal(new SourceLocation("seeds/x.csv", line, column), diagnostic.Location);
        Assert.Contains(fragment, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotUtf8_ThrowsProjectException()
    {
        var path = Path.Combine(_dir, "latin1.csv");
        File.WriteAllBytes(path, [.. "name\n"u8, 0x51, 0x75, 0xE9, 0x62, 0x65, 0x63, (byte)'\n']);

        var error = Assert.Throws<ProjectException>(() => CsvSeed.Read(path, new SeedOptions(), TestContext.Current.CancellationToken));

        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_EnumeratedTwice_ReadsTheFileAgain()
    {
        var path = Write("n\n1\n2\n");
        var seed = CsvSeed.Read(path, new SeedOptions(), TestContext.Current.CancellationToken);

        Assert.Equal(seed.Rows.Select(r => r[0]), seed.Rows.Select(r => r[0]));
    }

    private string Write(string text, bool bom = false)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text, new UTF8Encoding(bom));
        return path;
    }
}
