namespace Cedule.Core.Selection;

/// <summary>One named selector of selectors.yml.</summary>
public sealed class SelectorDefinition
{
    internal SelectorDefinition(string name, string description, bool isDefault, SourceLocation location, SelectorSpec spec)
    {
        Name = name;
        Description = description;
        IsDefault = isDefault;
        Location = location;
        Spec = spec;
    }

    /// <summary>The name given to <c>--selector</c>.</summary>
    public string Name { get; }

    /// <summary>The description, empty when none.</summary>
    public string Description { get; }

    /// <summary>True for the selector used when a command is given no selection.</summary>
    public bool IsDefault { get; }

    /// <summary>Where the selector is declared.</summary>
    public SourceLocation Location { get; }

    internal SelectorSpec Spec { get; }
}
