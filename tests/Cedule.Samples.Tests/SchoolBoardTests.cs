namespace Cedule.Samples.Tests;

public sealed class SchoolBoardTests
{
    private static readonly string[] Reasons = ["MAL", "RV", "SANS"];

    [Fact]
    public void SchoolBoard_SameSpec_GivesTheSameRows()
    {
        var spec = SampleSpec.For(SampleSize.Small);

        var first = Fingerprint(new SchoolBoard(spec));
        var second = Fingerprint(new SchoolBoard(spec));

        Assert.Equal(first, second);
    }

    [Fact]
    public void SchoolBoard_OtherSeed_GivesOtherRows() =>
        Assert.NotEqual(Fingerprint(new SchoolBoard(SampleSpec.For(SampleSize.Small))), Fingerprint(new SchoolBoard(SampleSpec.For(SampleSize.Small) with { Seed = 7 })));

    [Fact]
    public void SchoolBoard_Small_HasTheDocumentedShape()
    {
        var board = new SchoolBoard(SampleSpec.For(SampleSize.Small));

        Assert.Equal(1_000, board.Students.Count);
        Assert.Equal(8, board.Schools.Count);
        Assert.Equal(150, board.Days.Count);
        Assert.DoesNotContain(board.Days, d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        var attendance = board.Attendance().ToList();
        Assert.InRange(attendance.Count, 140_000, 150_000);
        var absent = attendance.Count(a => a.Status == "A") / (double)attendance.Count;
        Assert.InRange(absent, 0.03, 0.07);
        Assert.All(attendance.Where(a => a.Status == "A"), a => Assert.Contains(a.Reason, Reasons));
        Assert.All(board.Results(), r => Assert.InRange(r.Mark, 0, 100));
    }

    [Fact]
    public void SampleSpec_Medium_HasAboutThreeMillionAttendanceRows()
    {
        var spec = SampleSpec.For(SampleSize.Medium);

        Assert.Equal(20_000, spec.Students);
        Assert.InRange(spec.Students * spec.SchoolDays, 2_900_000, 3_100_000);
    }

    private static int Fingerprint(SchoolBoard board)
    {
        var hash = new HashCode();
        foreach (var a in board.Attendance())
        {
            hash.Add(a);
        }

        foreach (var r in board.Results())
        {
            hash.Add(r);
        }

        foreach (var e in board.Employees)
        {
            hash.Add(e.Id);
            hash.Add(e.Fte);
        }

        return hash.ToHashCode();
    }
}
