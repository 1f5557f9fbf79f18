namespace Cedule.Server.Tests.Support;

/// <summary>
/// The real <c>cedule</c> command, built beside the tests (the test project references
/// Cedule.Cli), run through the <c>dotnet</c> host as the server's parse child.
/// </summary>
internal static class ChildCedule
{
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "cedule.dll");

    public static string Host { get; } = FindDotnet();

    private static string FindDotnet()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("the dotnet host is not on PATH");
    }
}
