using System.Numerics;
using Cedule.Core.Execution.Adapters;
using Cedule.Jinja.Values;

namespace Cedule.Core.Tests.Execution.Adapters;

public sealed class ResultValuesTests
{
    public static TheoryData<object?, object?> Normalized() => new()
    {
        { 7, 7L },
        { (short)-3, -3L },
        { (byte)200, 200L },
        { ulong.MaxValue, 18446744073709551615m },
        { new BigInteger(42), 42L },
        { BigInteger.Pow(10, 30), "1000000000000000000000000000000" },
        { 0.1f, 0.1 },
        { 1.5m, 1.5m },
        { DBNull.Value, null },
        { new DateTimeOffset(2024, 1, 31, 13, 0, 0, TimeSpan.FromHours(2)), new DateTime(2024, 1, 31, 11, 0, 0, DateTimeKind.Utc) },
        { new List<int> { 1, 2 }, "[1, 2]" },
        { new List<object?> { "a", null, true, 0.5 }, "[a, NULL, true, 0.5]" },
        { new Dictionary<string, int> { ["k"] = 1 }, "{k: 1}" },
        { new byte[] { 0xAB, 0x01 }, "ab01" },
        { Guid.Empty, "00000000-0000-0000-0000-000000000000" },
        { 'c', "c" },
    };

    [Theory]
    [MemberData(nameof(Normalized))]
    public void Normalize_DriverValue_BecomesAResultTableValue(object? raw, object? expected) =>
        Assert.Equal(expected, ResultValues.Normalize(raw));

    [Theory]
    [InlineData(typeof(int), ValueKind.Integer)]
    [InlineData(typeof(ulong?), ValueKind.Integer)]
    [InlineData(typeof(decimal), ValueKind.Decimal)]
    [InlineData(typeof(float), ValueKind.Float)]
    [InlineData(typeof(DateOnly), ValueKind.Date)]
    [InlineData(typeof(DateTimeOffset), ValueKind.Timestamp)]
    [InlineData(typeof(string), ValueKind.Text)]
    [InlineData(typeof(Guid), ValueKind.Other)]
    public void KindOf_ClrType_IsItsFamily(Type type, ValueKind expected) => Assert.Equal(expected, ResultValues.KindOf(type));

    [Fact]
    public void LoadValues_Strings_ParseWithTheInvariantCulture()
    {
        Assert.Equal(1234.5m, LoadValues.ToDecimal("1234.5"));
        Assert.Equal(0.25, LoadValues.ToDouble(" 0.25 "));
        Assert.Equal(-7L, LoadValues.ToInt64("-7"));
        Assert.True(LoadValues.ToBoolean("TRUE"));
        Assert.Equal(new DateOnly(2024, 2, 29), LoadValues.ToDate("2024-02-29"));
        Assert.Equal(new DateTime(2024, 1, 31, 11, 0, 0), LoadValues.ToTimestamp("2024-01-31T13:00:00+02:00"), TimeSpan.Zero);
        Assert.Equal("2.5", LoadValues.ToText(2.5m));
        Assert.Throws<FormatException>(() => LoadValues.ToDate(3L));
    }

    [Fact]
    public void ProfileSettings_ReadAliasesNumbersAndShapes()
    {
        var settings = new PyDict { ["pass"] = "pw", ["port"] = "5433", ["threads"] = 4L, ["bad"] = "x", ["settings"] = new PyDict(), ["extensions"] = new List<object?> { "json" } };

        Assert.Equal("pw", ProfileSettings.GetString(settings, "password", "pass"));
        Assert.Null(ProfileSettings.GetString(settings, "missing"));
        Assert.Equal(5433, ProfileSettings.GetInt(settings, "port"));
        Assert.Equal(4, ProfileSettings.GetInt(settings, "threads"));
        Assert.Contains("'bad'", Assert.Throws<DatabaseException>(() => ProfileSettings.GetInt(settings, "bad")).Message, StringComparison.Ordinal);
        Assert.NotNull(ProfileSettings.GetMapping(settings, "settings"));
        Assert.Throws<DatabaseException>(() => ProfileSettings.GetMapping(settings, "bad"));
        Assert.Equal(["json"], ProfileSettings.GetList(settings, "extensions"));
        Assert.Empty(ProfileSettings.GetList(settings, "missing"));
    }

    [Fact]
    public void Mask_Secrets_AreReplacedLongestFirst() =>
        Assert.Equal("login ***** failed for *****", ProfileSettings.Mask("login hunter2-long failed for hunter2", ["hunter2", "hunter2-long", ""]));
}
