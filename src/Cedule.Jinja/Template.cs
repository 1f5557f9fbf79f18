using System.Text;
using Cedule.Jinja.Runtime;
using Cedule.Jinja.Syntax;
using Cedule.Jinja.Syntax.Ast;
using Cedule.Jinja.Values;

namespace Cedule.Jinja;

/// <summary>
/// A parsed template. Immutable and thread-safe: cache it and render it from many threads at
/// once; each render keeps its own state.
/// </summary>
public sealed class Template
{
    internal Template(Environment environment, string? name, SourceText source, TemplateAst ast)
    {
        Environment = environment;
        Name = name;
        Source = source;
        Ast = ast;
    }

    /// <summary>The environment the template was parsed with.</summary>
    public Environment Environment { get; }

    /// <summary>The template's name (for errors and relative loads); null for anonymous templates.</summary>
    public string? Name { get; }

    /// <summary>Every use of a host block tag (<see cref="Environment.AddBlockTag"/>) in the template, in order.</summary>
    public IReadOnlyList<BlockTagInstance> BlockTags => Ast.Tags;

    internal SourceText Source { get; }

    internal TemplateAst Ast { get; }

    /// <summary>Renders the template with <paramref name="vars"/> (converted with <c>PyConvert.FromDotNet</c>).</summary>
    public string Render(IReadOnlyDictionary<string, object?>? vars = null, CancellationToken cancellationToken = default)
    {
        var output = BufferPool.RentRenderBuffer();
        try
        {
            RenderTo(output, vars, null, cancellationToken);
            return output.ToString();
        }
        finally
        {
            BufferPool.ReturnRenderBuffer(output);
        }
    }

    /// <summary>
    /// Renders into <paramref name="output"/>. Names that are neither local, render variables nor
    /// globals are asked of <paramref name="resolver"/>.
    /// </summary>
    public void RenderTo(
        StringBuilder output,
        IReadOnlyDictionary<string, object?>? vars = null,
        VariableResolver? resolver = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var source = VariableSource.ForRender(vars, resolver);
        var renderer = new Renderer(Environment, source, cancellationToken);
        Run(() => renderer.ExecTemplate(new Frame(this, source, null), output));
    }

    /// <summary>Renders and writes the result to <paramref name="writer"/>.</summary>
    public void RenderTo(
        TextWriter writer,
        IReadOnlyDictionary<string, object?>? vars = null,
        VariableResolver? resolver = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var output = BufferPool.RentRenderBuffer();
        try
        {
            RenderTo(output, vars, resolver, cancellationToken);
            writer.Write(output);
        }
        finally
        {
            BufferPool.ReturnRenderBuffer(output);
        }
    }

    /// <summary>
    /// Runs the template's top level once and returns what an <c>import</c> would see: its macros
    /// and top-level variables. The macros are <see cref="IJinjaCallable"/>s that a host can put
    /// in the variables or globals of any other render, on any thread. A name such a macro cannot
    /// resolve in its own template, <paramref name="vars"/>, <paramref name="resolver"/> or the
    /// globals is looked up in the variables of the render that calls it (so dbt macros see the
    /// calling model's context).
    /// </summary>
    public TemplateExports MakeModule(
        IReadOnlyDictionary<string, object?>? vars = null,
        VariableResolver? resolver = null,
        CancellationToken cancellationToken = default)
    {
        var source = VariableSource.Frozen(vars, resolver);
        var renderer = new Renderer(Environment, source, cancellationToken);
        var frame = new Frame(this, source, null) { FallsBackToRender = true };
        var output = new StringBuilder();
        Run(() => renderer.ExecTemplate(frame, output));
        return new TemplateExports(new TemplateModule(this, frame.Root, output.ToString()));
    }

    /// <summary>The template's macros by name (including those defined by macro block tags).</summary>
    public IReadOnlyDictionary<string, IJinjaCallable> GetMacros() => MakeModule().Macros;

    private static void Run(Action action)
    {
        try
        {
            action();
        }
        catch (MacroReturn)
        {
            throw new TemplateException(ErrorKind.TemplateRuntimeError, "return() was called outside of a macro");
        }
        catch (InsufficientExecutionStackException error)
        {
            throw new TemplateException(ErrorKind.RecursionLimit, "maximum recursion depth exceeded", error);
        }
    }
}
