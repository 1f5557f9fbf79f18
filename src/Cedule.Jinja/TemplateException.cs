using System.Globalization;
using System.Text;

namespace Cedule.Jinja;

/// <summary>
/// The one exception type of the template engine: every syntax and runtime error is reported
/// through it, with its kind, the template's name and the position of the offending code.
/// </summary>
/// <remarks>
/// <see cref="Exception.Message"/> is the located, human-readable text (template, line,
/// column, the source line and a caret); <see cref="Detail"/> is the bare message, as
/// Jinja2 would word it, without location.
/// </remarks>
public sealed class TemplateException : Exception
{
    /// <summary>Creates an error; location fields may be filled in later by the engine.</summary>
    public TemplateException(ErrorKind kind, string detail, Exception? innerException = null)
        : base(detail, innerException)
    {
        Kind = kind;
        Detail = detail;
    }

    /// <summary>What kind of error this is.</summary>
    public ErrorKind Kind { get; }

    /// <summary>The message without location, e.g. <c>'x' is undefined</c>.</summary>
    public string Detail { get; }

    /// <summary>The name of the template where the error occurred, when known.</summary>
    public string? TemplateName { get; private set; }

    /// <summary>1-based line of the offending code, or 0 when unknown.</summary>
    public int Line { get; private set; }

    /// <summary>1-based column of the offending code, or 0 when unknown.</summary>
    public int Column { get; private set; }

    /// <summary>The text of the offending source line, when known.</summary>
    public string? SourceLine { get; private set; }

    /// <summary>True once a location has been attached.</summary>
    public bool HasLocation => Line > 0;

    /// <summary>
    /// Attaches the location of the error unless one is already known: the innermost frame
    /// that saw the error knows it best, so outer frames never overwrite it.
    /// </summary>
    public TemplateException WithLocation(string? templateName, int line, int column, string? sourceLine)
    {
        if (!HasLocation && line > 0)
        {
            TemplateName = templateName;
            Line = line;
            Column = column;
            SourceLine = sourceLine;
        }
        else if (TemplateName is null && templateName is not null && !HasLocation)
        {
            TemplateName = templateName;
        }

        return this;
    }

    /// <summary>"Kind: detail", the short form used by the batch render mode and differential tests.</summary>
    public string ToShortString() => $"{Kind}: {Detail}";

    /// <inheritdoc />
    public override string Message
    {
        get
        {
            var text = new StringBuilder();
            text.Append(Kind.ToString()).Append(": ").Append(Detail);
            if (HasLocation)
            {
                text.Append('\n').Append("  --> ")
                    .Append(TemplateName ?? "<template>")
                    .Append(CultureInfo.InvariantCulture, $":{Line}:{Column}");
                if (SourceLine is not null)
                {
                    var gutter = Line.ToString(CultureInfo.InvariantCulture);
                    text.Append('\n').Append(gutter).Append(" | ").Append(SourceLine.TrimEnd('\r'));
                    text.Append('\n').Append(' ', gutter.Length).Append(" | ")
                        .Append(' ', Math.Max(0, Column - 1)).Append('^');
                }
            }
            else if (TemplateName is not null)
            {
                text.Append("\n  --> ").Append(TemplateName);
            }

            return text.ToString();
        }
    }
}
