using System.Collections.Concurrent;
using Cedule.Jinja.Loaders;
using Cedule.Jinja.Runtime;
using Cedule.Jinja.Syntax;
using Cedule.Jinja.Values;

namespace Cedule.Jinja;

/// <summary>
/// The configuration shared by templates: options, loader, filters, tests, globals and custom
/// block tags, plus a cache of loaded templates. Configure it first, then render from any
/// number of threads: registrations publish new immutable snapshots, so readers never lock.
/// </summary>
public sealed class Environment
{
    private readonly object gate = new();
    private readonly ConcurrentDictionary<string, Template> cache = new(StringComparer.Ordinal);
    private Dictionary<string, FilterFunc> filters = new(StringComparer.Ordinal);
    private Dictionary<string, TestFunc> tests = new(StringComparer.Ordinal);
    private Dictionary<string, object?> globals = new(StringComparer.Ordinal);
    private Dictionary<string, BlockTagDefinition> blockTags = new(StringComparer.Ordinal);
    private ParseSettings? settings;

    /// <summary>Creates an environment with Jinja2's built-in filters, tests and globals.</summary>
    public Environment(EnvironmentOptions? options = null)
    {
        Options = options ?? new EnvironmentOptions();
        Builtins.Register(filters, tests);
        DefaultGlobals.Register(globals);
    }

    /// <summary>The options given at construction.</summary>
    public EnvironmentOptions Options { get; }

    /// <summary>Where <see cref="GetTemplate"/>, <c>include</c>, <c>import</c> and <c>extends</c> find templates.</summary>
    public ITemplateLoader? Loader { get; set; }

    /// <summary>The global variables every template sees (after its own variables).</summary>
    public IReadOnlyDictionary<string, object?> Globals => globals;

    /// <summary>The filters, by name.</summary>
    public IReadOnlyDictionary<string, FilterFunc> Filters => filters;

    /// <summary>The tests, by name.</summary>
    public IReadOnlyDictionary<string, TestFunc> Tests => tests;

    internal IReadOnlyDictionary<string, object?> GlobalsSnapshot => globals;

    internal IReadOnlyDictionary<string, FilterFunc> FiltersSnapshot => filters;

    internal IReadOnlyDictionary<string, TestFunc> TestsSnapshot => tests;

    /// <summary>Adds or replaces a filter. Templates parsed earlier keep the filters they resolved.</summary>
    public void AddFilter(string name, FilterFunc filter)
    {
        lock (gate)
        {
            filters = new(filters, StringComparer.Ordinal) { [name] = filter };
            settings = null;
        }
    }

    /// <summary>Adds or replaces a test.</summary>
    public void AddTest(string name, TestFunc test)
    {
        lock (gate)
        {
            tests = new(tests, StringComparer.Ordinal) { [name] = test };
            settings = null;
        }
    }

    /// <summary>Adds or replaces a global variable; the value is converted with <c>PyConvert.FromDotNet</c>.</summary>
    public void AddGlobal(string name, object? value)
    {
        lock (gate)
        {
            globals = new(globals, StringComparer.Ordinal) { [name] = PyConvert.FromDotNet(value) };
        }
    }

    /// <summary>Adds a global function: <c>{{ name(args) }}</c> calls <paramref name="function"/>.</summary>
    public void AddFunction(string name, Func<IRuntime, Arguments, object?> function) =>
        AddGlobal(name, new JinjaFunction(name, function));

    /// <summary>Adds a custom block tag (see <see cref="BlockTagDefinition"/>). Clears the template cache.</summary>
    public void AddBlockTag(BlockTagDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        lock (gate)
        {
            blockTags = new(blockTags, StringComparer.Ordinal) { [definition.Name] = definition };
            settings = null;
            cache.Clear();
        }
    }

    /// <summary>Parses a template from source. Syntax errors throw <see cref="TemplateException"/>.</summary>
    public Template FromString(string source, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = new SourceText(source, name, Options.KeepTrailingNewline);
        return new Template(this, name, text, Parser.Parse(text, Settings));
    }

    /// <summary>Loads (once, then from the cache) and parses the template <paramref name="name"/>.</summary>
    public Template GetTemplate(string name) =>
        TryGetTemplate(name, null) ?? throw new TemplateException(ErrorKind.TemplateNotFound, name);

    /// <summary>Forgets every cached template (after their sources changed).</summary>
    public void ClearCache() => cache.Clear();

    internal Template? TryGetTemplate(string name, string? parentName)
    {
        _ = parentName;
        if (cache.TryGetValue(name, out var cached))
        {
            return cached;
        }

        if (Loader is null || !Loader.TryGetSource(name, out var source))
        {
            return null;
        }

        var template = FromString(source, name);
        return cache.GetOrAdd(name, template);
    }

    internal ParseSettings Settings
    {
        get
        {
            var current = settings;
            if (current is not null)
            {
                return current;
            }

            lock (gate)
            {
                var raw = new HashSet<string>(StringComparer.Ordinal);
                foreach (var tag in blockTags.Values)
                {
                    if (tag.Body == BlockTagBody.Raw)
                    {
                        raw.Add(tag.Name);
                    }
                }

                settings = new ParseSettings
                {
                    Filters = filters,
                    Tests = tests,
                    BlockTags = blockTags,
                    RawTags = raw,
                    MaxDepth = Options.MaxTemplateDepth,
                    TrimBlocks = Options.TrimBlocks,
                    LstripBlocks = Options.LstripBlocks,
                    KeepTrailingNewline = Options.KeepTrailingNewline,
                };
                return settings;
            }
        }
    }
}
