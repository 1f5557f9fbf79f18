namespace Cedule.Server.Apis.Contracts;

/// <summary>One problem of a deployment.</summary>
/// <param name="Code">Stable code.</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Path">File relative to the project root.</param>
/// <param name="Line">1-based line, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
/// <param name="Location"><c>path:line:col</c>, as editors read it.</param>
public sealed record ProblemResponse(string Code, string Severity, string Message, string Path, int Line, int Column, string Location);
