using System.Reflection;
using Cedule.Core.Parsing;
using Cedule.Jinja.Values;

namespace Cedule.Core.Dialects;

/// <summary>
/// Cedule's built-in macros: what dbt ships in its <c>dbt</c> namespace (cross-database macros,
/// type helpers, <c>generate_*_name</c>, generic tests), written for each dialect and embedded as
/// resources under <c>Dialects/&lt;Name&gt;/</c>. Every public macro dispatches
/// (<c>adapter.dispatch('concat', 'dbt')</c>) to <c>&lt;adapter&gt;__name</c> or
/// <c>default__name</c>, so a project overrides one the way it would in dbt: by name, or
/// through <c>dispatch:</c> in its project file.
/// </summary>
internal static class DialectMacros
{
    private const string ResourcePrefix = "Cedule.Core.Dialects.";

    // Compiled once per process: templates and their macros are immutable and thread-safe, and
    // every parse (a server parses each push) would otherwise recompile the same few files.
    private static readonly Lazy<IReadOnlyList<KeyValuePair<string, IJinjaCallable>>> Compiled = new(Compile);

    /// <summary>Every built-in macro, by name, sorted.</summary>
    public static IReadOnlyList<KeyValuePair<string, IJinjaCallable>> Macros => Compiled.Value;

    /// <summary>Adds every built-in macro to <paramref name="registry"/> under <see cref="MacroRegistry.InternalPackage"/>.</summary>
    public static void Register(MacroRegistry registry)
    {
        foreach (var (name, macro) in Compiled.Value)
        {
            registry.Add(MacroRegistry.InternalPackage, name, macro);
        }
    }

    private static List<KeyValuePair<string, IJinjaCallable>> Compile()
    {
        // The macros only ever run inside a project's render, which supplies return(), adapter,
        // target…; compiling needs nothing but Jinja's built-in filters and tests.
        var env = new Jinja.Environment();
        DbtBlockTags.Register(env);
        var assembly = typeof(DialectMacros).Assembly;
        var macros = new Dictionary<string, (IJinjaCallable Macro, string File)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            // Cedule.Core.Dialects.Fabric.dates.sql is Dialects/Fabric/dates.sql: folders are one level deep.
            var relative = resource[ResourcePrefix.Length..];
            var slash = relative.IndexOf('.', StringComparison.Ordinal);
            var file = $"dbt/Dialects/{relative[..slash]}/{relative[(slash + 1)..]}";
            var template = env.FromString(Read(assembly, resource), file);
            foreach (var (name, macro) in template.GetMacros())
            {
                // Two files defining one name would make the winner depend on resource order.
                if (!macros.TryAdd(name, (macro, file)))
                {
                    throw new InvalidOperationException($"built-in macro '{name}' is defined in both {macros[name].File} and {file}");
                }
            }
        }

        return [.. macros.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => KeyValuePair.Create(m.Key, m.Value.Macro))];
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
