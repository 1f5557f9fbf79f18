using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Context;

/// <summary>
/// dbt's <c>env_var(name, default)</c>, used wherever a project renders Jinja: dbt_project.yml,
/// packages.yml, profiles.yml and nodes. A missing variable without a default is an error.
/// </summary>
public static class EnvVarFunction
{
    /// <summary>Creates the function over <paramref name="environment"/>; <paramref name="onValue"/> sees each (name, value) read.</summary>
    public static JinjaFunction Create(Func<string, string?> environment, Action<string, object?>? onValue = null) =>
        new("env_var", (_, args) =>
        {
            var name = PyOps.ToStr(args.Get(0, "var"));
            var result = environment(name) ?? (args.Has(1, "default")
                ? args.Get(1, "default")
                : throw new TemplateException(ErrorKind.HostError, $"Env var required but not provided: '{name}'"));
            onValue?.Invoke(name, result);
            return result;
        });
}
