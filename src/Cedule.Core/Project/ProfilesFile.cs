using Cedule.Core.Context;
using Cedule.Core.Diagnostics;
using Cedule.Core.Yaml;
using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Project;

/// <summary>
/// One target of a <c>profiles.yml</c>, rendered: its non-secret facts (what parsing depends on)
/// and every setting the adapter needs to connect, secrets included. Secrets stay on the machine
/// that read the file: <see cref="SecretValues"/> lists them so that logs can mask them by value.
/// </summary>
/// <param name="Facts">Target name, adapter type, database, schema, threads, profile name.</param>
/// <param name="Settings">Every key of the target's output, rendered.</param>
/// <param name="SecretValues">Values that must never appear in a log, an error or compiled SQL.</param>
/// <param name="Path">The profiles.yml that was read.</param>
public sealed record ResolvedProfile(TargetFacts Facts, PyDict Settings, IReadOnlyList<string> SecretValues, string Path);

/// <summary>
/// Finds and reads <c>profiles.yml</c> as dbt does: <c>--profiles-dir</c>, then
/// <c>CEDULE_PROFILES_DIR</c> (or dbt's <c>DBT_PROFILES_DIR</c>), then the project folder, then
/// <c>~/.dbt</c>; <c>env_var()</c> is rendered in every value.
/// </summary>
public static class ProfilesFile
{
    /// <summary>Keys whose values are secrets, whatever the adapter (plus every <c>DBT_ENV_SECRET_*</c> variable used).</summary>
    private static readonly HashSet<string> SecretKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "pass", "token", "client_secret", "private_key", "private_key_passphrase", "keyfile_json", "secret", "access_token",
    };

    /// <summary>The folders searched, in order.</summary>
    public static IReadOnlyList<string> SearchPath(string? profilesDir, string projectDir, Func<string, string?> environment)
    {
        var dirs = new List<string>();
        if (!string.IsNullOrEmpty(profilesDir))
        {
            dirs.Add(profilesDir);
            return dirs;
        }

        foreach (var variable in (string[])["CEDULE_PROFILES_DIR", "DBT_PROFILES_DIR"])
        {
            if (environment(variable) is { Length: > 0 } fromEnv)
            {
                dirs.Add(fromEnv);
                return dirs;
            }
        }

        dirs.Add(projectDir);
        var home = environment("HOME") ?? environment("USERPROFILE");
        if (!string.IsNullOrEmpty(home))
        {
            dirs.Add(System.IO.Path.Combine(home, ".dbt"));
        }

        return dirs;
    }

    /// <summary>Resolves <paramref name="profileName"/> (and <paramref name="targetName"/>, or the profile's default target).</summary>
    /// <exception cref="ProjectException">No profiles.yml, no such profile or target, or an invalid file.</exception>
    public static ResolvedProfile Resolve(
        string profileName, string? targetName, string? profilesDir, string projectDir, Func<string, string?> environment)
    {
        var dirs = SearchPath(profilesDir, projectDir, environment);
        var path = dirs.Select(d => System.IO.Path.Combine(d, "profiles.yml")).FirstOrDefault(File.Exists)
            ?? throw Error($"no profiles.yml found (looked in {string.Join(", ", dirs)}); pass --profiles-dir or set CEDULE_PROFILES_DIR", "profiles.yml");
        var secrets = new List<string>();
        var root = YamlReader.Read(File.ReadAllText(path), path) as YamlMapping
            ?? throw Error("profiles.yml must be a mapping of profile names", path);
        if (root[profileName] is not YamlMapping profile)
        {
            var known = root.Entries.Select(e => e.Key.Text).Where(k => k != "config");
            throw Error($"profile '{profileName}' is not in {path} (profiles there: {string.Join(", ", known)})", path);
        }

        // Only the chosen target is rendered, as in dbt: another target's missing env vars do not matter.
        var profileValues = YamlValues.ToDict(profile);
        var target = targetName
            ?? (profileValues.TryGetValue("target", out var t) && t is not null ? PyOps.ToStr(Render(t, environment, secrets, path)) : null)
            ?? throw Error($"profile '{profileName}' has no 'target:' and no --target was given", path);
        if (!profileValues.TryGetValue("outputs", out var outputs) || outputs is not PyDict outputDict
            || !outputDict.TryGetValue(target, out var output) || output is not PyDict rawSettings)
        {
            var known = profileValues.TryGetValue("outputs", out var o) && o is PyDict od ? string.Join(", ", od.KeysList()) : "none";
            throw Error($"target '{target}' is not among the outputs of profile '{profileName}' (outputs: {known})", path);
        }

        var settings = (PyDict)Render(rawSettings, environment, secrets, path)!;
        foreach (var (key, value) in settings)
        {
            if (key is string k && SecretKeys.Contains(k) && value is not null && PyOps.ToStr(value) is { Length: > 0 } secret)
            {
                secrets.Add(secret);
            }
        }

        var type = settings.TryGetValue("type", out var ty) && ty is not null ? PyOps.ToStr(ty)
            : throw Error($"target '{target}' of profile '{profileName}' has no 'type' (duckdb, postgres, sqlserver, fabric)", path);
        string? Get(params string[] keys) => keys.Select(k => settings.TryGetValue(k, out var v) && v is not null ? PyOps.ToStr(v) : null)
            .FirstOrDefault(v => v is not null);
        var database = Get("database", "dbname") ?? (type == "duckdb" ? DuckDbDatabaseName(Get("path")) : null);
        var schema = Get("schema") ?? (type == "duckdb" ? "main" : "dbo");
        var threads = settings.TryGetValue("threads", out var th) && th is long n ? (int)n : 1;
        return new ResolvedProfile(new TargetFacts(target, type, database, schema, threads, profileName), settings, secrets.Distinct(StringComparer.Ordinal).ToList(), path);
    }

    /// <summary>DuckDB names a database after its file (<c>dev.duckdb</c> is <c>dev</c>); in-memory is <c>memory</c>.</summary>
    private static string DuckDbDatabaseName(string? path) =>
        string.IsNullOrEmpty(path) || path == ":memory:" ? "memory" : System.IO.Path.GetFileNameWithoutExtension(path);

    private static object? Render(object? value, Func<string, string?> environment, List<string> secrets, string path)
    {
        switch (value)
        {
            case string s when s.Contains("{{", StringComparison.Ordinal) || s.Contains("{%", StringComparison.Ordinal):
                var env = new Jinja.Environment();
                env.AddGlobal("env_var", EnvVarFunction.Create(environment, (name, result) =>
                {
                    if (name.StartsWith("DBT_ENV_SECRET_", StringComparison.Ordinal) && result is not null)
                    {
                        secrets.Add(PyOps.ToStr(result));
                    }
                }));
                try
                {
                    return Parsing.ProjectParser.NativeValue(env.FromString(s, path).Render());
                }
                catch (TemplateException e)
                {
                    throw Error($"{e.Kind}: {e.Detail}", path);
                }

            case PyDict dict:
                var copy = new PyDict(dict.Count);
                foreach (var (k, v) in dict)
                {
                    copy[k] = Render(v, environment, secrets, path);
                }

                return copy;
            case List<object?> list:
                return list.Select(item => Render(item, environment, secrets, path)).ToList();
            default:
                return value;
        }
    }

    private static ProjectException Error(string message, string path) =>
        new(Diagnostic.Error(DiagnosticCodes.ProfilesConfig, message, SourceLocation.InFile(path)));
}
