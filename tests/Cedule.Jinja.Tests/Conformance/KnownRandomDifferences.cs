using System.Text.RegularExpressions;

namespace Cedule.Jinja.Tests.Conformance;

/// <summary>
/// The random differential test's allow-list: known engine differences from Jinja2 that random
/// templates keep hitting, each with its reason (the same causes are listed in
/// <c>known_differences.txt</c> when a corpus case shows them). Every entry recognises its cause
/// from the exact shape of both results, so it never excuses a different mismatch. Delete an
/// entry once the engine is fixed.
/// </summary>
internal static partial class KnownRandomDifferences
{
    private static readonly Entry[] Entries =
    [
        new(
            "not a difference: Python prints iterators with their memory address (<reversed object at 0x7f...>), which changes from run to run",
            (_, expected, actual) => expected.Output is { } output && actual.Output is { } rendered && Address().IsMatch(output)
                && string.Equals(Address().Replace(output, "0x?"), Address().Replace(rendered, "0x?"), StringComparison.Ordinal)),
        new(
            "engine: subscripting a value that is not subscriptable (0[2:], 5.5[1]) raises TypeError; Jinja2's getitem gives undefined",
            (_, expected, actual) => !expected.IsError && actual.Error is { Kind: ErrorKind.TypeError } error
                && error.Detail.EndsWith("object is not subscriptable", StringComparison.Ordinal)),
    ];

    public static Entry? Find(string template, JinjaResult expected, EngineOutcome actual) =>
        actual.TimedOut || actual.Crash is not null ? null : Entries.FirstOrDefault(e => e.Applies(template, expected, actual));

    [GeneratedRegex(@"(?<= object at )0x[0-9a-f]+")]
    private static partial Regex Address();

    /// <summary>One known difference: why it exists, and which cases show it.</summary>
    internal sealed record Entry(string Reason, Func<string, JinjaResult, EngineOutcome, bool> Applies);
}
