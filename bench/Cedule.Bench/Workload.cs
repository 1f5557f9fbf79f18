using System.Text;
using System.Text.Json;
using Cedule.Jinja;
using Cedule.Jinja.Values;
using Fluid;
using Fluid.Values;
using JinjaEnvironment = Cedule.Jinja.Environment;

namespace Cedule.Bench;

/// <summary>
/// One benchmark template ready to run on both .NET engines: its Jinja source on Cedule, its
/// Liquid twin on Fluid, and the same data converted once, up front, into each engine's own
/// value representation (as a host would cache it), so neither render pays for conversion.
/// </summary>
internal sealed class Workload
{
    /// <summary>The templates, by the name the benchmark and the Jinja2 peer use.</summary>
    public static readonly string[] Names = ["rows", "model"];

    private static readonly Dictionary<string, Workload> Cache = new(StringComparer.Ordinal);

    private readonly Dictionary<string, FluidValue> fluidVars;
    private Template? ceduleTemplate;

    private Workload(string name)
    {
        Name = name;
        JinjaSource = BenchFiles.Template(name + ".jinja");
        LiquidSource = BenchFiles.Template(name + ".liquid");

        using var json = JsonDocument.Parse(BenchFiles.Template("data.json"));
        var data = json.RootElement;
        var scope = name == "model" ? data.GetProperty("model") : data;
        var vars = new Dictionary<string, object?>(StringComparer.Ordinal);
        fluidVars = new Dictionary<string, FluidValue>(StringComparer.Ordinal);
        foreach (var property in scope.EnumerateObject())
        {
            if (property.Name == "model")
            {
                continue;
            }

            vars[property.Name] = PyConvert.FromJson(property.Value);
            fluidVars[property.Name] = FluidJson.ToFluid(property.Value);
        }

        if (name == "model")
        {
            // Liquid cannot call a function: the host hands is_incremental() over as a value.
            fluidVars["is_incremental"] = BooleanValue.True;
        }

        CeduleVars = vars;
        CeduleEnvironment = CreateCeduleEnvironment();

        FluidParser = new FluidParser();
        FluidOptions = CreateFluidOptions();
        FluidTemplate = FluidParser.Parse(LiquidSource);
    }

    public string Name { get; }

    public string JinjaSource { get; }

    public string LiquidSource { get; }

    public JinjaEnvironment CeduleEnvironment { get; }

    /// <summary>Parsed on first use, so that a template Cedule cannot parse yet still lets Fluid be checked.</summary>
    public Template CeduleTemplate => ceduleTemplate ??= ParseCedule();

    public IReadOnlyDictionary<string, object?> CeduleVars { get; }

    public FluidParser FluidParser { get; }

    public TemplateOptions FluidOptions { get; }

    public IFluidTemplate FluidTemplate { get; }

    public static Workload Get(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var workload))
            {
                workload = new Workload(name);
                Cache[name] = workload;
            }

            return workload;
        }
    }

    public Template ParseCedule() => CeduleEnvironment.FromString(JinjaSource, Name + ".jinja");

    public IFluidTemplate ParseFluid() => FluidParser.Parse(LiquidSource);

    public string RenderCedule() => CeduleTemplate.Render(CeduleVars);

    public void RenderCedule(StringBuilder output) => CeduleTemplate.RenderTo(output, CeduleVars);

    public string RenderFluid() => FluidTemplate.Render(NewFluidContext(), NullEncoder.Default);

    public void RenderFluid(TextWriter output) =>
        FluidTemplate.RenderAsync(output, NewFluidContext(), NullEncoder.Default).AsTask().GetAwaiter().GetResult();

    // A fresh context per render, as a host serving many renders does; the values are shared.
    private TemplateContext NewFluidContext()
    {
        var context = new TemplateContext(FluidOptions);
        foreach (var pair in fluidVars)
        {
            context.SetValue(pair.Key, pair.Value);
        }

        return context;
    }

    // The dbt host functions; jinja2_peer.py defines the same ones in Python.
    private static JinjaEnvironment CreateCeduleEnvironment()
    {
        var environment = new JinjaEnvironment(new EnvironmentOptions());
        environment.AddFunction("config", static (_, _) => "");
        environment.AddFunction("ref", static (_, args) => "\"analytics\".\"" + PyOps.ToStr(args.Positional[0]) + "\"");
        environment.AddFunction(
            "source",
            static (_, args) => "\"raw\".\"" + PyOps.ToStr(args.Positional[0]) + "\".\"" + PyOps.ToStr(args.Positional[1]) + "\"");
        environment.AddFunction("is_incremental", static (_, _) => PyOps.Box(true));
        return environment;
    }

    // The same host functions as Liquid filters: {{ 'stg_payments' | ref }}.
    private static TemplateOptions CreateFluidOptions()
    {
        var options = new TemplateOptions { CultureInfo = System.Globalization.CultureInfo.InvariantCulture };
        options.Filters.AddFilter("config", static (_, _, _) => new ValueTask<FluidValue>(StringValue.Empty));
        options.Filters.AddFilter(
            "ref",
            static (input, _, _) => new ValueTask<FluidValue>(new StringValue("\"analytics\".\"" + input.ToStringValue() + "\"")));
        options.Filters.AddFilter(
            "source",
            static (input, args, _) => new ValueTask<FluidValue>(
                new StringValue("\"raw\".\"" + input.ToStringValue() + "\".\"" + args.At(0).ToStringValue() + "\"")));
        return options;
    }
}
