using System.Text;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Runtime;

/// <summary><c>super()</c> inside a block: renders the next block of the inheritance chain.</summary>
internal sealed class SuperBlock(List<BlockRef> chain, int index, Scope parentScope) : IJinjaCallable, IJinjaObject
{
    public object? Call(IRuntime runtime, Arguments arguments)
    {
        var output = new StringBuilder();
        ((Renderer)runtime).RenderBlock(chain, index, parentScope, output);
        return output.ToString();
    }

    public bool TryGetAttribute(string name, out object? value)
    {
        value = null;
        return false;
    }

    public string ToPythonString() => $"<bound method BlockReference.super of <BlockReference '{chain[index].Block.Name}'>>";
}

/// <summary><c>self</c>: <c>self.blockname()</c> renders a block of the current template.</summary>
internal sealed class TemplateReference(Renderer renderer, Frame frame) : IJinjaObject
{
    public bool TryGetAttribute(string name, out object? value)
    {
        List<BlockRef>? chain = null;
        if (frame.Blocks?.TryGetValue(name, out chain) != true || chain is null)
        {
            value = null;
            return false;
        }

        value = new JinjaFunction(name, (_, _) =>
        {
            var output = new StringBuilder();
            renderer.RenderBlock(chain, 0, frame.Root, output);
            return output.ToString();
        });
        return true;
    }

    public string ToPythonString() => $"<TemplateReference '{frame.Template.Name}'>";
}
