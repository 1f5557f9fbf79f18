using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Cedule.Bench;

/// <summary>
/// Parse and render of each template on Cedule and on Fluid (the baseline of every ratio).
/// "Reused" renders write into a buffer kept across iterations, so what they allocate is
/// everything a render allocates beyond its result buffer.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class JinjaBenchmarks
{
    private Workload workload = null!;
    private StringBuilder reusedBuilder = null!;
    private StringBuilder reusedFluidBuilder = null!;

    /// <summary>The template: <c>rows</c> (1,000-row loop) or <c>model</c> (dbt-style model).</summary>
    [Params("rows", "model")]
    public string Template { get; set; } = "rows";

    /// <summary>Loads the workload and sizes the reused buffers to twice the output.</summary>
    [GlobalSetup]
    public void Setup()
    {
        workload = Workload.Get(Template);
        var capacity = workload.RenderCedule().Length * 2;
        reusedBuilder = new StringBuilder(capacity);
        reusedFluidBuilder = new StringBuilder(capacity);
    }

    /// <summary>Fluid parses the Liquid twin.</summary>
    [Benchmark(Baseline = true, Description = "Fluid")]
    [BenchmarkCategory("Parse")]
    public object Parse_Fluid() => workload.ParseFluid();

    /// <summary>Cedule parses the Jinja template.</summary>
    [Benchmark(Description = "Cedule")]
    [BenchmarkCategory("Parse")]
    public object Parse_Cedule() => workload.ParseCedule();

    /// <summary>Fluid renders to a new string.</summary>
    [Benchmark(Baseline = true, Description = "Fluid")]
    [BenchmarkCategory("Render")]
    public string Render_Fluid() => workload.RenderFluid();

    /// <summary>Cedule renders to a new string.</summary>
    [Benchmark(Description = "Cedule")]
    [BenchmarkCategory("Render")]
    public string Render_Cedule() => workload.RenderCedule();

    /// <summary>
    /// Fluid renders into a reused <see cref="StringBuilder"/>, through a new
    /// <see cref="StringWriter"/> each time because Fluid closes the writer it is given.
    /// </summary>
    [Benchmark(Baseline = true, Description = "Fluid")]
    [BenchmarkCategory("RenderReused")]
    public int RenderReused_Fluid()
    {
        reusedFluidBuilder.Clear();
        using var writer = new StringWriter(reusedFluidBuilder, System.Globalization.CultureInfo.InvariantCulture);
        workload.RenderFluid(writer);
        return reusedFluidBuilder.Length;
    }

    /// <summary>Cedule renders into a reused <see cref="StringBuilder"/>.</summary>
    [Benchmark(Description = "Cedule")]
    [BenchmarkCategory("RenderReused")]
    public int RenderReused_Cedule()
    {
        reusedBuilder.Clear();
        workload.RenderCedule(reusedBuilder);
        return reusedBuilder.Length;
    }
}
