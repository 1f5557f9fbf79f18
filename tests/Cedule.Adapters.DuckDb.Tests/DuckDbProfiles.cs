using Cedule.Core.Context;
using Cedule.Core.Project;
using Cedule.Jinja.Values;

namespace Cedule.Adapters.DuckDb.Tests;

/// <summary>Resolved duckdb targets for tests, each with its own name so in-memory databases stay apart.</summary>
internal static class DuckDbProfiles
{
    public static ResolvedProfile Create(string? path, params (string Key, object? Value)[] extra)
    {
        var settings = new PyDict { ["type"] = "duckdb" };
        if (path is not null)
        {
            settings["path"] = path;
        }

        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var schema = settings.TryGetValue("schema", out var s) && s is string text ? text : "main";
        return new ResolvedProfile(new TargetFacts($"t{Guid.NewGuid():N}", "duckdb", "memory", schema, 1, "test"), settings, [], "profiles.yml");
    }
}
