using Cedule.Core.Context;
using Cedule.Jinja.Values;

namespace Cedule.Core.Parsing;

/// <summary>What a parse depends on besides the project's files.</summary>
public sealed record ParseOptions
{
    /// <summary>The target's non-secret facts (adapter type, schema…).</summary>
    public required TargetFacts Target { get; init; }

    /// <summary>Variables given on the command line (<c>--vars</c>); they win over the project's.</summary>
    public PyDict Vars { get; init; } = new();

    /// <summary>
    /// The environment that <c>env_var()</c> reads. The control plane passes only the variables an
    /// environment declares; the CLI passes the process environment.
    /// </summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Receives log() output and progress lines.</summary>
    public Action<string>? Log { get; init; }
}
