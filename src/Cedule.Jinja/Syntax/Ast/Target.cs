namespace Cedule.Jinja.Syntax.Ast;

internal enum TargetKind
{
    Name,
    Tuple,
    Namespace,
}

/// <summary>Where an assignment stores: a name, a tuple to unpack, or <c>ns.attr</c>.</summary>
internal sealed class Target(Span span, TargetKind kind, string name, string? attribute = null, Target[]? items = null) : Node(span)
{
    public TargetKind Kind { get; } = kind;

    public string Name { get; } = name;

    public string? Attribute { get; } = attribute;

    public Target[] Items { get; } = items ?? [];
}
