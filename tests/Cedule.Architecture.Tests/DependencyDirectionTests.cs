using System.Reflection;
using System.Xml.Linq;
using NetArchTest.Rules;

namespace Cedule.Architecture.Tests;

/// <summary>
/// Dependencies point one way (ARCHITECTURE.md): Cli → Server, Agent, Core; Agent → Adapters.* →
/// Core → Jinja; Server → Core. Database drivers live only in adapter projects.
/// </summary>
public sealed class DependencyDirectionTests
{
    /// <summary>Every project reference allowed in src/, and nothing else.</summary>
    private static readonly Dictionary<string, string[]> AllowedReferences = new(StringComparer.Ordinal)
    {
        ["Cedule.Jinja"] = [],
        ["Cedule.Core"] = ["Cedule.Jinja"],
        ["Cedule.Server"] = ["Cedule.Core"],
        ["Cedule.Agent"] = ["Cedule.Core", "Cedule.Adapters.*"],
        ["Cedule.Cli"] = ["Cedule.Server", "Cedule.Agent", "Cedule.Core", "Cedule.Jinja", "Cedule.Adapters.*", "Cedule.Samples"],
        // The sample's data generator writes through the engine's seam, never a driver.
        ["Cedule.Samples"] = ["Cedule.Core"],
        ["Cedule.Adapters.*"] = ["Cedule.Core"],
    };

    /// <summary>Assemblies of database drivers: only adapter projects may use them.</summary>
    private static readonly string[] DriverAssemblies =
    [
        "Npgsql", "DuckDB.NET.Data", "DuckDB.NET.Bindings", "Microsoft.Data.SqlClient",
        "Microsoft.Data.Sqlite", "System.Data.SqlClient",
    ];

    public static TheoryData<string> SourceProjects()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "src"), "*.csproj", SearchOption.AllDirectories))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void ProjectReferences_OfSourceProject_FollowTheArchitecture(string project)
    {
        var allowed = Allowed(project);
        var path = Path.Combine(RepositoryRoot(), "src", project, project + ".csproj");
        var references = XDocument.Load(path).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

        var forbidden = references.Where(r => !allowed.Any(a => Matches(a, r))).ToList();
        Assert.True(forbidden.Count == 0, $"{project} must not reference {string.Join(", ", forbidden)}");
    }

    [Theory]
    [InlineData("Cedule.Jinja")]
    [InlineData("Cedule.Core")]
    [InlineData("Cedule.Server")]
    [InlineData("Cedule.Samples")]
    public void Assembly_OutsideAdapters_UsesNoDatabaseDriver(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var referenced = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(referenced, r => DriverAssemblies.Contains(r, StringComparer.Ordinal));

        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(DriverAssemblies).GetResult();
        Assert.True(result.IsSuccessful, $"{assemblyName} types depending on a driver: {Failing(result)}");
    }

    [Theory]
    [InlineData("Cedule.Jinja", new[] { "Cedule.Core", "Cedule.Server", "Cedule.Agent", "Cedule.Cli" })]
    [InlineData("Cedule.Core", new[] { "Cedule.Server", "Cedule.Agent", "Cedule.Cli" })]
    [InlineData("Cedule.Server", new[] { "Cedule.Agent", "Cedule.Cli" })]
    [InlineData("Cedule.Agent", new[] { "Cedule.Server", "Cedule.Cli" })]
    public void Types_OfAssembly_DoNotDependOnLayersAbove(string assemblyName, string[] above)
    {
        var result = Types.InAssembly(Assembly.Load(assemblyName)).ShouldNot().HaveDependencyOnAny(above).GetResult();
        Assert.True(result.IsSuccessful, $"{assemblyName} types depending on {string.Join(", ", above)}: {Failing(result)}");
    }

    private static string Failing(NetArchTest.Rules.TestResult result) =>
        string.Join(", ", result.FailingTypeNames ?? []);

    private static string[] Allowed(string project)
    {
        if (AllowedReferences.TryGetValue(project, out var allowed))
        {
            return allowed;
        }

        if (project.StartsWith("Cedule.Adapters.", StringComparison.Ordinal))
        {
            return AllowedReferences["Cedule.Adapters.*"];
        }

        Assert.Fail($"{project} is a new source project: add its allowed references to {nameof(AllowedReferences)}.");
        return [];
    }

    private static bool Matches(string pattern, string name) =>
        pattern.EndsWith(".*", StringComparison.Ordinal)
            ? name.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, name, StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cedule.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cedule.slnx not found above the test binaries.");
    }
}
