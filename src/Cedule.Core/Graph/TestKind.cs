namespace Cedule.Core.Graph;

/// <summary>Whether a data test comes from a generic test macro or from a SQL file of its own.</summary>
public enum TestKind
{
    /// <summary>Declared in a property file and rendered from a generic test macro (<c>unique</c>, <c>dbt_utils.expression_is_true</c>).</summary>
    Generic,

    /// <summary>A SQL file under the test paths.</summary>
    Singular,
}
