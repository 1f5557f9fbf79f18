namespace Cedule.Jinja.Tests.Conformance;

/// <summary>
/// Matches a Jinja2 exception class name with an <see cref="ErrorKind"/>.
/// </summary>
/// <remarks>
/// The rule is exact, most-derived names, as the corpus stores them: <see cref="ErrorKind"/> has a
/// member for <c>TemplateAssertionError</c> as well as for its base class
/// <c>TemplateSyntaxError</c>, so the engine can tell them apart and must (a host catching by kind
/// sees the difference; Jinja2 raises the subclass for unknown filters and tests, for example).
/// The same holds for <c>UndefinedError</c> and <c>FilterArgumentError</c> against
/// <c>TemplateRuntimeError</c>. Only a Python class the enum has no member of its own for is
/// matched by a stand-in, listed in <see cref="StandIns"/> with the reason.
/// </remarks>
internal static class ErrorKindMatcher
{
    /// <summary>Python classes without an <see cref="ErrorKind"/> member, and the member that reports them.</summary>
    private static readonly Dictionary<string, string> StandIns = new(StringComparer.Ordinal)
    {
        // Python's recursion limit (1000 frames) becomes Cedule's own limit, MaxRecursion.
        ["RecursionError"] = nameof(ErrorKind.RecursionLimit),

        // select_template/include of a list: Jinja2's subclass of TemplateNotFound. Used only while
        // ErrorKind has no TemplatesNotFound member; once it has one, the match is exact.
        ["TemplatesNotFound"] = nameof(ErrorKind.TemplateNotFound),
    };

    private static readonly HashSet<string> KindNames = new(Enum.GetNames<ErrorKind>(), StringComparer.Ordinal);

    /// <summary>The <see cref="ErrorKind"/> name that the engine must report for <paramref name="pythonClass"/>.</summary>
    public static string ExpectedKind(string pythonClass) =>
        KindNames.Contains(pythonClass) ? pythonClass : StandIns.GetValueOrDefault(pythonClass, pythonClass);

    public static bool Matches(string pythonClass, ErrorKind kind) =>
        string.Equals(ExpectedKind(pythonClass), kind.ToString(), StringComparison.Ordinal);
}
