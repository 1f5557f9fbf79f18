namespace Cedule.Core.Diagnostics;

/// <summary>How serious a problem is: an error makes a project invalid, a warning does not.</summary>
public enum Severity
{
    /// <summary>Worth knowing; the project stays valid.</summary>
    Warning,

    /// <summary>The project cannot be used until it is fixed.</summary>
    Error,
}

/// <summary>
/// One problem found in a project, with a stable code (see <see cref="DiagnosticCodes"/>), a
/// message a person can act on, and where it is. The parser reports every problem of a project
/// in one pass, so a list of these is its output, not a thrown exception.
/// </summary>
/// <param name="Code">Stable code such as <c>CED1102</c>.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">What is wrong and, where possible, how to fix it.</param>
/// <param name="Location">Where: file, line, column.</param>
public sealed record Diagnostic(string Code, Severity Severity, string Message, SourceLocation Location)
{
    /// <summary>An error.</summary>
    public static Diagnostic Error(string code, string message, SourceLocation location) =>
        new(code, Severity.Error, message, location);

    /// <summary>A warning.</summary>
    public static Diagnostic Warning(string code, string message, SourceLocation location) =>
        new(code, Severity.Warning, message, location);

    /// <summary>"path:line:col: error CED1102: message", the format compilers and editors understand.</summary>
    public override string ToString() =>
        $"{Location}: {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}";
}

/// <summary>Thrown when a problem stops the current step entirely (the rest of the project cannot be read without it).</summary>
public sealed class ProjectException : Exception
{
    /// <summary>Wraps one diagnostic.</summary>
    public ProjectException(Diagnostic diagnostic)
        : base(diagnostic.ToString()) => Diagnostics = [diagnostic];

    /// <summary>Wraps several diagnostics.</summary>
    public ProjectException(IReadOnlyList<Diagnostic> diagnostics)
        : base(string.Join(System.Environment.NewLine, diagnostics)) => Diagnostics = diagnostics;

    /// <summary>The problems.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
