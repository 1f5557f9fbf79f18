using System.Text.RegularExpressions;

namespace Cedule.Core.Tests;

public sealed partial class EngineInfoTests
{
    [Fact]
    public void Version_FromAssembly_IsSemanticVersionWithoutCommitSuffix()
    {
        Assert.Matches(SemVer(), EngineInfo.Version);
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex SemVer();
}
