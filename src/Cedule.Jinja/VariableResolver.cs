namespace Cedule.Jinja;

/// <summary>
/// Supplies a variable that is neither local, nor a render variable, nor a global: the host's
/// lazy context (dbt's <c>ref</c>, <c>this</c>, <c>config</c>...). Returns false when the name is
/// unknown, and the template sees Undefined. Values are converted with <c>PyConvert.FromDotNet</c>.
/// </summary>
public delegate bool VariableResolver(string name, out object? value);
