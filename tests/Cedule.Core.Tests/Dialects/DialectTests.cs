using Cedule.Core.Dialects;
using Cedule.Core.Execution.Adapters;

namespace Cedule.Core.Tests.Dialects;

public sealed class DialectTests
{
    [Theory]
    [InlineData("postgres", ValueKind.Timestamp, "timestamp without time zone")]
    [InlineData("postgres", ValueKind.Integer, "bigint")]
    [InlineData("duckdb", ValueKind.Decimal, "DOUBLE")]
    [InlineData("sqlserver", ValueKind.Text, "nvarchar(4000)")]
    [InlineData("fabric", ValueKind.Text, "varchar(8000)")]
    [InlineData("fabric", ValueKind.Boolean, "bit")]
    public void TypeName_OfKind_IsTheSeedColumnType(string adapter, ValueKind kind, string expected) =>
        Assert.Equal(expected, Dialect.For(adapter).TypeName(kind));

    [Fact]
    public void TypeName_EveryKindOfEveryDialect_IsDefined()
    {
        foreach (var dialect in new[] { Dialect.DuckDb, Dialect.Postgres, Dialect.SqlServer, Dialect.Fabric })
        {
            Assert.All(Enum.GetValues<ValueKind>(), kind => Assert.False(string.IsNullOrEmpty(dialect.TypeName(kind))));
        }
    }

    [Fact]
    public void Quote_Identifier_DoublesTheClosingQuote()
    {
        Assert.Equal("\"a\"\"b\"", Dialect.Postgres.Quote("a\"b"));
        Assert.Equal("[a]]b]", Dialect.SqlServer.Quote("a]b"));
        Assert.Equal("\"s\".\"t\"", Dialect.DuckDb.QuoteRelation(null, "s", "t"));
    }

    [Fact]
    public void For_UnknownAdapter_Throws() => Assert.Throws<ArgumentException>(() => Dialect.For("oracle"));
}
