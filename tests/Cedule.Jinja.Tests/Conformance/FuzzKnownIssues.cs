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
    private const string UnguardedChain =
        "engine: stack overflow; the parser's depth guard does not count postfix chains and left-associative "
        + "operator chains, and Renderer.Eval recurses over them without a stack check";

    /// <summary>Hostile template or nesting shape name, and the engine bug behind it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Failures = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["filter_chain"] = UnguardedChain,
        ["attribute_chain"] = UnguardedChain,
        ["subscript_chain"] = UnguardedChain,
        ["call_chain"] = UnguardedChain,
        ["plus_chain"] = UnguardedChain,
        ["plus_chain_variable"] = UnguardedChain,
        ["and_chain"] = UnguardedChain,
        ["power_chain"] = UnguardedChain,
        ["nest_plus_chain"] = UnguardedChain,
        ["self_list_pprint"] = "engine: stack overflow; pprint (PrettyPrinter.SafeRepr) recurses into a self-containing list (Python prints <Recursion on list ...>)",
        ["self_list_compare"] = "engine: stack overflow; PyOps.Equals/SequenceEquals recurse into self-containing lists (Python raises RecursionError)",
        ["int_literal_100k_digits"] = "engine: slow; a 100,000-digit integer literal takes seconds (quadratic parsing/printing, no fuel charged), past the 5 s deadline under load (Python 3.11 refuses ints over 4,300 digits with ValueError)",
        ["int_literal_arith"] = "engine: slow; a 100,000-digit integer literal takes seconds (quadratic parsing/printing, no fuel charged), past the 5 s deadline under load (Python 3.11 refuses ints over 4,300 digits with ValueError)",
        ["batch_fill_1e9"] = "engine: hang; batch(10**9, fill) pads the last batch without charging fuel or checking cancellation",
        ["slice_1e9"] = "engine: hang; slice(10**9) builds 10**9 slices without charging fuel or checking cancellation",
    };
}
