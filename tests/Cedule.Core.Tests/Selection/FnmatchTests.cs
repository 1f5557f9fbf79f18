using Cedule.Core.Selection;

namespace Cedule.Core.Tests.Selection;

/// <summary>Python's fnmatch.fnmatch on Linux, which dbt's methods use, case by case.</summary>
public sealed class FnmatchTests
{
    [Theory]
    [InlineData("stg_eleves", "stg_eleves", true)]
    [InlineData("stg_eleves", "STG_ELEVES", false)]
    [InlineData("stg_eleves", "stg_*", true)]
    [InlineData("stg_eleves", "*eleves", true)]
    [InlineData("stg_eleves", "*", true)]
    [InlineData("", "*", true)]
    [InlineData("stg_eleves", "stg_?leves", true)]
    [InlineData("stg_eleves", "stg_??leves", false)]
    [InlineData("a/b/c", "a*c", true)]
    [InlineData("daily", "[dw]aily", true)]
    [InlineData("weekly", "[dw]aily", false)]
    [InlineData("v3", "v[1-3]", true)]
    [InlineData("v4", "v[1-3]", false)]
    [InlineData("v4", "v[!1-3]", true)]
    [InlineData("v2", "v[!1-3]", false)]
    [InlineData("a]", "a[]]", true)]
    [InlineData("a[b", "a[b", true)]
    [InlineData("ab", "a[b", false)]
    [InlineData("aaa", "a*a*a", true)]
    [InlineData("aa", "a*a*a", false)]
    [InlineData("mississippi", "*sip*", true)]
    public void IsMatch_Pattern_MatchesAsPythonFnmatch(string name, string pattern, bool expected) =>
        Assert.Equal(expected, Fnmatch.IsMatch(name, pattern));

    [Theory]
    [InlineData("models/staging", "models/staging/stg_eleves.sql", true)]
    [InlineData("models/staging/", "models/staging/stg_eleves.sql", true)]
    [InlineData("models/stag", "models/staging/stg_eleves.sql", false)]
    [InlineData("models/*", "models/staging/stg_eleves.sql", true)]
    [InlineData("models/*.sql", "models/staging/stg_eleves.sql", false)]
    [InlineData("models/**/*.sql", "models/staging/stg_eleves.sql", true)]
    [InlineData("**/stg_eleves.sql", "models/staging/stg_eleves.sql", true)]
    [InlineData(".", "models/staging/stg_eleves.sql", true)]
    [InlineData("seeds", "models/staging/stg_eleves.sql", false)]
    public void PathGlob_FileOrFolder_MatchesAsPathlibGlob(string pattern, string file, bool expected) =>
        Assert.Equal(expected, PathGlob.Parse(pattern).MatchesFileOrFolder(file));

    [Fact]
    public void PathGlob_PatchFile_MatchesOnlyTheFileItself()
    {
        Assert.True(PathGlob.Parse("models/marts/_marts.yml").MatchesFile("models/marts/_marts.yml"));
        Assert.False(PathGlob.Parse("models/marts").MatchesFile("models/marts/_marts.yml"));
    }
}
