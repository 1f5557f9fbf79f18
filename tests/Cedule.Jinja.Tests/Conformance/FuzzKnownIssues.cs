namespace Cedule.Jinja.Tests.Conformance;

/// <summary>
/// Fuzz inputs that the engine is known to fail on, with the bug. A stack overflow cannot be
/// caught (it ends the test process) and a hang leaves a thread burning CPU (or allocating until
/// the process dies), so these inputs are not run: their hostile test is skipped with the reason,
/// and the generator leaves them out (the case numbering of a seed does not change). Remove an
/// entry as soon as the engine is fixed; a test checks that every entry names a real input.
/// </summary>
internal static class FuzzKnownIssues
{
    /// <summary>Hostile template or nesting shape name, and the engine bug behind it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Failures = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };
}
