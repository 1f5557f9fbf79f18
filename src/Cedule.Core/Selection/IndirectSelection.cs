namespace Cedule.Core.Selection;

/// <summary>
/// How tests are pulled in by the nodes they test (dbt's <c>--indirect-selection</c>). Exclusion
/// is always eager whatever the mode: a test with any excluded parent is excluded, as dbt's
/// documentation states.
/// </summary>
public enum IndirectSelection
{
    /// <summary>A test is selected when any node it references is selected (dbt's default).</summary>
    Eager,

    /// <summary>A test is selected only when every node it references is selected.</summary>
    Cautious,

    /// <summary>A test is selected when every node it references is selected or upstream of a selected node.</summary>
    Buildable,

    /// <summary>Tests are never pulled in; only what the criteria select directly.</summary>
    Empty,
}
