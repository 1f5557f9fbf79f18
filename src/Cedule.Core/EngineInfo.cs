using System.Reflection;

namespace Cedule.Core;

/// <summary>
/// Identifies this build of the engine. The agent protocol compares these values across the
/// wire, so they come from the assembly, never from configuration.
/// </summary>
public static class EngineInfo
{
    /// <summary>The engine's semantic version, as set in <c>Directory.Build.props</c>.</summary>
    public static string Version { get; } = ReadVersion();

    /// <summary>The dbt language level the engine aims to behave like.</summary>
    public const string DbtCompatibility = "1.9";

    private static string ReadVersion()
    {
        var informational = typeof(EngineInfo).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return typeof(EngineInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        // The SDK appends "+<commit>" when it knows the source revision; the version is the part before.
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
