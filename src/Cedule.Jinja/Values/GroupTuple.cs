namespace Cedule.Jinja.Values;

/// <summary>
/// One group of the <c>groupby</c> filter: a <c>(grouper, list)</c> tuple whose items are also
/// readable as <c>.grouper</c> and <c>.list</c>, like Jinja2's <c>_GroupTuple</c> namedtuple.
/// </summary>
public sealed class GroupTuple : PyTuple, IJinjaObject
{
    /// <summary>Creates a group.</summary>
    public GroupTuple(object? grouper, List<object?> list)
        : base(grouper, list)
    {
    }

    /// <summary>The value shared by the group.</summary>
    public object? Grouper => this[0];

    /// <summary>The items of the group.</summary>
    public List<object?> List => (List<object?>)this[1]!;

    /// <inheritdoc />
    public bool TryGetAttribute(string name, out object? value)
    {
        switch (name)
        {
            case "grouper":
                value = Grouper;
                return true;
            case "list":
                value = List;
                return true;
            default:
                value = null;
                return false;
        }
    }

    /// <inheritdoc />
    public string ToPythonString() => PyOps.Repr(this);

    /// <summary>Python equality: a group equals any tuple with the same items.</summary>
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <summary>Hash consistent with tuple equality.</summary>
    public override int GetHashCode() => base.GetHashCode();
}
