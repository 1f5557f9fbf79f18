namespace Cedule.Samples;

/// <summary>How much data <see cref="SchoolDataGenerator"/> writes.</summary>
public enum SampleSize
{
    /// <summary>1,000 students in 8 schools, about 150,000 attendance rows: seconds, for tests and the demo.</summary>
    Small,

    /// <summary>20,000 students in 60 schools, about 3 million attendance rows: a mid-sized service centre.</summary>
    Medium,

    /// <summary>100,000 students in 200 schools, about 15 million attendance rows: the largest centres.</summary>
    Large,
}

/// <summary>The dimensions of a generated school board.</summary>
/// <param name="Students">Students enrolled.</param>
/// <param name="Schools">Schools (70 % primary, 30 % secondary).</param>
/// <param name="SchoolDays">School days with an attendance row per enrolled student.</param>
/// <param name="Seed">The random seed: the same spec always produces the same rows.</param>
public sealed record SampleSpec(int Students, int Schools, int SchoolDays, ulong Seed)
{
    /// <summary>The spec of a named size.</summary>
    public static SampleSpec For(SampleSize size) => size switch
    {
        SampleSize.Small => new SampleSpec(1_000, 8, 150, 2024),
        SampleSize.Medium => new SampleSpec(20_000, 60, 150, 2024),
        SampleSize.Large => new SampleSpec(100_000, 200, 150, 2024),
        _ => throw new ArgumentOutOfRangeException(nameof(size)),
    };
}
