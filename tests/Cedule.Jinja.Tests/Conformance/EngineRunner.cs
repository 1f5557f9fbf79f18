using System.Text.Json;
using Cedule.Jinja.Loaders;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Tests.Conformance;

/// <summary>
/// Renders cases with Cedule.Jinja the way <c>oracle.py</c> renders them with Jinja2: one
/// environment per undefined mode, templates loaded from <c>Corpus/templates</c>. Each render runs
/// on its own thread under a watchdog, so a hang fails one case instead of the whole run.
/// </summary>
internal sealed class EngineRunner
{
    /// <summary>Shared by the corpus and random differential tests (Jinja2's settings, no limits).</summary>
    public static readonly EngineRunner Default = new(options => options, RepositoryPaths.TemplatesDirectory);

    private readonly Environment lenient;
    private readonly Environment strict;

    public EngineRunner(Func<bool, EnvironmentOptions> optionsFor, ITemplateLoader loader)
    {
        lenient = new Environment(optionsFor(false)) { Loader = loader };
        strict = new Environment(optionsFor(true)) { Loader = loader };
    }

    private EngineRunner(Func<EnvironmentOptions, EnvironmentOptions> adjust, string templatesDirectory)
        : this(isStrict => adjust(new EnvironmentOptions { StrictUndefined = isStrict }), new FileSystemLoader(templatesDirectory))
    {
    }

    /// <summary>The soft deadline: the render's cancellation token fires after it.</summary>
    public TimeSpan CancelAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The hard deadline: past it the case is reported as a hang and its thread abandoned.</summary>
    public TimeSpan HangAfter { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Stack size of the render thread; 0 is the runtime's default.</summary>
    public int StackSize { get; init; }

    /// <summary>Turns a JSON object of variables into render variables (as <c>render(**vars)</c> sees them).</summary>
    public static Dictionary<string, object?> VarsFromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return VarsFromJson(document.RootElement);
    }

    public static Dictionary<string, object?> VarsFromJson(JsonElement vars)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (vars.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in vars.EnumerateObject())
            {
                result[property.Name] = PyConvert.FromJson(property.Value);
            }
        }

        return result;
    }

    public EngineOutcome Render(string template, IReadOnlyDictionary<string, object?> vars, bool strictUndefined, CancellationToken cancellationToken = default)
    {
        var environment = strictUndefined ? strict : lenient;
        EngineOutcome? outcome = null;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancel.CancelAfter(CancelAfter);
        var token = cancel.Token;
        var thread = new Thread(
            () =>
            {
                try
                {
                    outcome = EngineOutcome.Rendered(environment.FromString(template).Render(vars, token));
                }
                catch (TemplateException error)
                {
                    outcome = EngineOutcome.Failed(error);
                }
#pragma warning disable CA1031 // Any other exception is exactly what the harness reports.
                catch (Exception crash)
#pragma warning restore CA1031
                {
                    outcome = EngineOutcome.Crashed(crash);
                }
            },
            StackSize)
        {
            IsBackground = true,
            Name = "jinja-render",
        };
        thread.Start();
        return thread.Join(HangAfter) ? outcome! : EngineOutcome.Hung();
    }
}
