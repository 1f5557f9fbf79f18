using Cedule.Core;

namespace Cedule.Cli.Tests;

public sealed class RootCommandTests
{
    [Fact]
    public async Task Version_Option_PrintsEngineVersionAndCommit()
    {
        var (exitCode, output) = await CliRunner.RunAsync("--version");

        Assert.Equal(0, exitCode);
        // "0.1.0" or "0.1.0+<commit sha>" when built from a git checkout.
        Assert.Matches(@"^\d+\.\d+\.\d+(\+[0-9a-f]{7,40})?$", output.Trim());
        Assert.StartsWith(EngineInfo.Version, output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Option_DescribesCedule()
    {
        var (exitCode, output) = await CliRunner.RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("dbt-compatible", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_Given_ExitsNonZero()
    {
        var (exitCode, _) = await CliRunner.RunAsync("no-such-command");

        Assert.NotEqual(0, exitCode);
    }
}
