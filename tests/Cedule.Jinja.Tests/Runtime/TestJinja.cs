using Cedule.Jinja.Loaders;

namespace Cedule.Jinja.Tests.Runtime;

/// <summary>Small helpers to render snippets in tests.</summary>
internal static class TestJinja
{
    public static Environment Env(EnvironmentOptions? options = null, IReadOnlyDictionary<string, string>? templates = null)
    {
        var environment = new Environment(options);
        if (templates is not null)
        {
            environment.Loader = new DictionaryLoader(templates);
        }

        return environment;
    }

    public static string Render(string source, object? vars = null, EnvironmentOptions? options = null) =>
        Env(options).FromString(source).Render(Vars(vars), TestContext.Current.CancellationToken);

    public static Dictionary<string, object?>? Vars(object? vars)
    {
        if (vars is null)
        {
            return null;
        }

        if (vars is Dictionary<string, object?> dict)
        {
            return dict;
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in vars.GetType().GetProperties())
        {
            result[property.Name] = property.GetValue(vars);
        }

        return result;
    }

    public static TemplateException Fails(string source, object? vars = null, EnvironmentOptions? options = null) =>
        Assert.Throws<TemplateException>(() => Render(source, vars, options));
}
