using System.Globalization;

namespace Cedule.Core.Packages;

/// <summary>A semantic version as dbt hub packages use them (<c>1.3.0</c>, <c>0.9.0-b1</c>).</summary>
/// <param name="Major">Major number.</param>
/// <param name="Minor">Minor number.</param>
/// <param name="Patch">Patch number.</param>
/// <param name="Prerelease">Pre-release label without the dash, or empty.</param>
public sealed record PackageVersion(int Major, int Minor, int Patch, string Prerelease) : IComparable<PackageVersion>
{
    /// <summary>Parses <c>1</c>, <c>1.2</c>, <c>1.2.3</c>, <c>v1.2.3</c> or <c>1.2.3-rc1</c>; null when not a version.</summary>
    public static PackageVersion? TryParse(string text)
    {
        var s = text.Trim().TrimStart('v', 'V');
        var dash = s.IndexOf('-', StringComparison.Ordinal);
        var pre = dash >= 0 ? s[(dash + 1)..] : string.Empty;
        var numbers = (dash >= 0 ? s[..dash] : s).Split('.');
        if (numbers.Length is < 1 or > 3)
        {
            return null;
        }

        var parts = new int[3];
        for (var i = 0; i < numbers.Length; i++)
        {
            if (!int.TryParse(numbers[i], NumberStyles.None, CultureInfo.InvariantCulture, out parts[i]))
            {
                return null;
            }
        }

        return new PackageVersion(parts[0], parts[1], parts[2], pre);
    }

    /// <inheritdoc />
    public int CompareTo(PackageVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Major.CompareTo(other.Major);
        if (c == 0) { c = Minor.CompareTo(other.Minor); }
        if (c == 0) { c = Patch.CompareTo(other.Patch); }
        if (c != 0) { return c; }

        // A release sorts after its pre-releases.
        if (Prerelease.Length == 0 || other.Prerelease.Length == 0)
        {
            return Prerelease.Length == other.Prerelease.Length ? 0 : Prerelease.Length == 0 ? 1 : -1;
        }

        return string.CompareOrdinal(Prerelease, other.Prerelease);
    }

    /// <summary>True when this version satisfies every constraint (<c>&gt;=1.0.0</c>, <c>&lt;2.0.0</c>, <c>=1.3.0</c>, <c>1.3.0</c>).</summary>
    public bool Satisfies(IEnumerable<string> constraints)
    {
        foreach (var raw in constraints)
        {
            var constraint = raw.Trim();
            var op = constraint.StartsWith(">=", StringComparison.Ordinal) ? ">="
                : constraint.StartsWith("<=", StringComparison.Ordinal) ? "<="
                : constraint.StartsWith('>') ? ">"
                : constraint.StartsWith('<') ? "<"
                : constraint.StartsWith("==", StringComparison.Ordinal) ? "=="
                : constraint.StartsWith('=') ? "=" : string.Empty;
            var bound = TryParse(constraint[op.Length..])
                ?? throw new FormatException($"'{raw}' is not a version constraint");
            var c = CompareTo(bound);
            var ok = op switch
            {
                ">=" => c >= 0,
                "<=" => c <= 0,
                ">" => c > 0,
                "<" => c < 0,
                _ => c == 0,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}") + (Prerelease.Length > 0 ? "-" + Prerelease : string.Empty);

    /// <summary>Ordering operator.</summary>
    public static bool operator <(PackageVersion left, PackageVersion right) => left.CompareTo(right) < 0;

    /// <summary>Ordering operator.</summary>
    public static bool operator >(PackageVersion left, PackageVersion right) => left.CompareTo(right) > 0;

    /// <summary>Ordering operator.</summary>
    public static bool operator <=(PackageVersion left, PackageVersion right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering operator.</summary>
    public static bool operator >=(PackageVersion left, PackageVersion right) => left.CompareTo(right) >= 0;
}
