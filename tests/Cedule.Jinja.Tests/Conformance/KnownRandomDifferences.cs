namespace Cedule.Jinja.Tests.Conformance;

/// <summary>
/// The random differential test's allow-list: known engine differences from Jinja2 that random
/// templates keep hitting, each with its reason (the same causes are listed in
/// <c>known_differences.txt</c> when a corpus case shows them). Every entry recognises its cause
/// from the exact shape of both results, so it never excuses a different mismatch. Delete an
/// entry once the engine is fixed.
/// </summary>
internal static class KnownRandomDifferences
{
    private static readonly Entry[] Entries =
    [
        new(
            "engine: tuples lack the count and index methods",
            (_, _, actual) => actual.Error?.Detail.Contains("'tuple object' has no attribute", StringComparison.Ordinal) == true),
        new(
            "engine: with StrictUndefined, undefined in 'str' raises TypeError in Jinja2 (str.__contains__), UndefinedError in Cedule",
            (_, expected, actual) => string.Equals(expected.Error, "TypeError", StringComparison.Ordinal)
                && expected.Message?.StartsWith("'in <string>' requires string as left operand, not StrictUndefined", StringComparison.Ordinal) == true
                && actual.Error?.Kind == ErrorKind.UndefinedError),
        new(
            "engine: subscripting a value that is not subscriptable (0[2:], 5.5[1]) raises TypeError; Jinja2's getitem gives undefined",
            (_, expected, actual) => !expected.IsError && actual.Error is { Kind: ErrorKind.TypeError } error
                && error.Detail.EndsWith("object is not subscriptable", StringComparison.Ordinal)),
    ];

    public static Entry? Find(string template, JinjaResult expected, EngineOutcome actual) =>
        actual.TimedOut || actual.Crash is not null ? null : Entries.FirstOrDefault(e => e.Applies(template, expected, actual));

    /// <summary>One known difference: why it exists, and which cases show it.</summary>
    internal sealed record Entry(string Reason, Func<string, JinjaResult, EngineOutcome, bool> Applies);
}
