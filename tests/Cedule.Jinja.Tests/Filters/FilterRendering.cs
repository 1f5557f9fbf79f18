using Cedule.Jinja.Values;

namespace Cedule.Jinja.Tests.Filters;

/// <summary>Renders small templates through the real environment, as the filters are used.</summary>
internal static class FilterRendering
{
    private static readonly Environment Shared = new();

    public static string Render(string template, params (string Name, object? Value)[] vars)
    {
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in vars)
        {
            dict[name] = PyConvert.FromDotNet(value);
        }

        return Shared.FromString(template).Render(dict);
    }

    public static TemplateException Fails(string template) =>
        Assert.Throws<TemplateException>(() => Render(template));
}
