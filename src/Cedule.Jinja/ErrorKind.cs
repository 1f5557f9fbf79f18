namespace Cedule.Jinja;

/// <summary>
/// What went wrong in a template. The names are those of the Python exception classes that
/// Jinja2 raises in the same situation, so differential tests compare kinds by name.
/// </summary>
public enum ErrorKind
{
    /// <summary>The template text is not valid Jinja (Jinja2's <c>TemplateSyntaxError</c>).</summary>
    TemplateSyntaxError,

    /// <summary>Valid syntax naming an unknown filter or test, or a misplaced construct (<c>TemplateAssertionError</c>).</summary>
    TemplateAssertionError,

    /// <summary>An undefined value was used in a way that needs a value (<c>UndefinedError</c>).</summary>
    UndefinedError,

    /// <summary>An operation got a value of the wrong type (Python's <c>TypeError</c>).</summary>
    TypeError,

    /// <summary>An operation got a value of the right type but a wrong value (<c>ValueError</c>).</summary>
    ValueError,

    /// <summary>Division or modulo by zero (<c>ZeroDivisionError</c>).</summary>
    ZeroDivisionError,

    /// <summary>A number too large to represent (<c>OverflowError</c>).</summary>
    OverflowError,

    /// <summary>A sequence index out of range (<c>IndexError</c>).</summary>
    IndexError,

    /// <summary>A missing key in an explicit dictionary operation such as <c>pop</c> (<c>KeyError</c>).</summary>
    KeyError,

    /// <summary>A missing attribute or method (<c>AttributeError</c>).</summary>
    AttributeError,

    /// <summary>A template that the loader cannot find (<c>TemplateNotFound</c>).</summary>
    TemplateNotFound,

    /// <summary>A generic runtime error of the template engine (<c>TemplateRuntimeError</c>).</summary>
    TemplateRuntimeError,

    /// <summary>A filter received an argument it cannot use (<c>FilterArgumentError</c>).</summary>
    FilterArgumentError,

    /// <summary>An operation Jinja2's sandbox would refuse (<c>SecurityError</c>).</summary>
    SecurityError,

    /// <summary>Cedule only: the render used more steps than <c>EnvironmentOptions.MaxFuel</c> allows.</summary>
    FuelExhausted,

    /// <summary>Cedule only: nesting or recursion deeper than <c>EnvironmentOptions.MaxRecursion</c>.</summary>
    RecursionLimit,

    /// <summary>Cedule only: the output grew past <c>EnvironmentOptions.MaxOutputLength</c>.</summary>
    OutputLimit,

    /// <summary>Cedule only: the render was cancelled through its cancellation token.</summary>
    Cancelled,

    /// <summary>An error raised on purpose by a host function (dbt's <c>raise_compiler_error</c>, for example).</summary>
    HostError,

    /// <summary>A failed internal assertion of a built-in, e.g. <c>truncate</c> with a length shorter than its end (Python's <c>AssertionError</c>).</summary>
    AssertionError,
}
