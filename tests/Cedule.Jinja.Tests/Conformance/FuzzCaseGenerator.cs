using System.Globalization;
using System.Text;

namespace Cedule.Jinja.Tests.Conformance;

/// <summary>One fuzz case: how it was made, the template, its variables (JSON) and the undefined mode.</summary>
internal sealed record FuzzCase(string Kind, string Template, string VarsJson, bool Strict);

/// <summary>
/// Makes fuzz templates from a seed alone (System.Random with a seed is the same sequence on every
/// runtime): corpus inputs mutated by deleting, inserting and duplicating characters and tags,
/// token soup, random UTF-16 (lone surrogates included), deep nesting and hostile templates.
/// Case <c>i</c> of a seed is always the same template.
/// </summary>
internal sealed class FuzzCaseGenerator
{
    /// <summary>Variables for the cases that are not corpus mutations.</summary>
    public const string DefaultVars =
        """{"x": 1, "y": [1, 2, 3], "s": "abc", "f": 1.5, "n": null, "b": true, "d": {"a": 1, "b": [1, 2]}, "big": 1000000000000000000000000000000, "users": [{"name": "ann", "age": 3}, {"name": "bob", "age": 5}]}""";

    private static readonly string[] Snippets =
    [
        "{{", "}}", "{%", "%}", "{#", "#}", "{{-", "-}}", "{%-", "-%}", "{%+", "+%}",
        "{% if x %}", "{% elif y %}", "{% else %}", "{% endif %}", "{% for i in y %}", "{% endfor %}",
        "{% for k, v in d.items() if k recursive %}", "{{ loop(v) }}", "{% break %}", "{% continue %}",
        "{% set z = x %}", "{% set z %}", "{% endset %}", "{% macro m(a, b=1) %}", "{% endmacro %}", "{{ m(1) }}",
        "{% call m(2) %}", "{% call(a) m(2) %}", "{% endcall %}", "{{ caller() }}", "{% filter upper %}", "{% endfilter %}",
        "{% with a = 1 %}", "{% endwith %}", "{% raw %}", "{% endraw %}", "{% do y.append(1) %}",
        "{% block b %}", "{% endblock %}", "{{ super() }}", "{% extends 'base.html' %}", "{% include 'partial.txt' %}",
        "{% import 'macros.html' as lib %}", "{% from 'macros.html' import hello %}", "{{ hello('x') }}",
        "{{ x|default(1)|string|upper }}", "{{ y|map('string')|join(',') }}", "{{ users|groupby('age')|list }}",
        "{{ s[::-1] }}", "{{ d.a }}", "{{ d['b'][0] }}", "{{ x is defined }}", "{{ y|selectattr('a')|list }}",
        "{{ '%s-%d' % (s, x) }}", "{{ '{}'.format(f) }}", "{{ namespace(a=1).a }}", "{{ range(5)|batch(2)|list }}",
        "{{ lipsum(1) }}", "{{ cycler(1, 2).next() }}", "{{ joiner()() }}", "{{ dict(a=1) }}", "{{ big ** 3 }}",
        "(", ")", "[", "]", "{", "}", "'", "\"", "|", ".", ",", ":", "=", "==", "**", "//", "~", "-", "+", "*", " is ", " in ",
        " not ", " and ", " or ", " if ", " else ", "None", "none", "True", "false", "1e308", "0x1F", "1_000", "\\",
        "\n", "\r\n", "\r", "\t", " ",
    ];

    private const string Punctuation = "{}%#()[]'\"|.,-+~*/\\\n\r\t =<>!:";

    private static readonly string[] Tokens =
    [
        "{{", "}}", "{%", "%}", "if", "for", "in", "endfor", "endif", "set", "=", "x", "y", "s", "d", "1", "2.5", "'a'",
        "(", ")", "[", "]", "{", "}", ",", "|", "upper", "length", ".", "a", "~", "+", "-", "*", "/", "**", "%", "not",
        "and", "or", "is", "defined", "macro", "m", "endmacro", "call", "endcall", "caller", "loop", "index", " ", "\n",
    ];

    private readonly Random random;
    private readonly IReadOnlyList<CorpusCase> corpus;

    public FuzzCaseGenerator(long seed, IReadOnlyList<CorpusCase> corpus)
    {
        // Fold the 64-bit seed into Random's int seed; both halves matter.
        random = new Random(unchecked((int)(seed ^ (seed >>> 32))));
        this.corpus = corpus;
    }

    /// <summary>The next case; the sequence depends on the seed only.</summary>
    public FuzzCase Next()
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 55 => Mutated(),
            < 72 => new FuzzCase("soup", Soup(), DefaultVars, Strict()),
            < 82 => new FuzzCase("random-utf16", RandomText(), DefaultVars, Strict()),
            < 94 => Nesting(),
            _ => Hostile(),
        };
    }

    private bool Strict() => random.Next(5) == 0;

    private FuzzCase Mutated()
    {
        var source = corpus[random.Next(corpus.Count)];
        var text = new StringBuilder(source.Template);
        var mutations = 1 + random.Next(6);
        for (var i = 0; i < mutations; i++)
        {
            Mutate(text);
        }

        return new FuzzCase("mutated " + source.Id, text.ToString(), source.VarsJson, source.Strict || Strict());
    }

    private void Mutate(StringBuilder text)
    {
        var at = random.Next(text.Length + 1);
        var length = text.Length == 0 ? 0 : random.Next(Math.Min(40, text.Length - Math.Min(at, text.Length - 1)));
        switch (random.Next(9))
        {
            case 0 when text.Length > 0:
                text.Remove(Math.Min(at, text.Length - 1), 1);
                break;
            case 1:
                text.Insert(at, RandomChar());
                break;
            case 2 when text.Length > 0:
                var start = Math.Min(at, text.Length - 1);
                var span = Math.Max(1, Math.Min(length, text.Length - start));
                text.Insert(start, text.ToString(start, span));
                break;
            case 3 when text.Length > 0:
                var from = Math.Min(at, text.Length - 1);
                text.Remove(from, Math.Max(1, Math.Min(length, text.Length - from)));
                break;
            case 4:
                text.Insert(at, Snippets[random.Next(Snippets.Length)]);
                break;
            case 5:
                // Splice in a piece of another corpus template.
                var other = corpus[random.Next(corpus.Count)].Template;
                var offset = random.Next(other.Length + 1);
                text.Insert(at, other.AsSpan(offset, Math.Min(other.Length - offset, random.Next(60))));
                break;
            case 6:
                text.Insert(at, BigNumber());
                break;
            case 7:
                // Duplicate the whole template a few times (unbalanced tags multiply).
                var copy = text.ToString();
                for (var n = random.Next(1, 4); n > 0 && text.Length < 200_000; n--)
                {
                    text.Append(copy);
                }

                break;
            default:
                var open = Snippets[random.Next(Snippets.Length)];
                var depth = random.Next(1, 200);
                for (var n = 0; n < depth; n++)
                {
                    text.Insert(at, open);
                }

                break;
        }
    }

    private string Soup()
    {
        var text = new StringBuilder();
        for (var n = random.Next(1, 80); n > 0; n--)
        {
            text.Append(random.Next(4) == 0 ? Snippets[random.Next(Snippets.Length)] : Tokens[random.Next(Tokens.Length)]);
            if (random.Next(3) == 0)
            {
                text.Append(' ');
            }
        }

        return text.ToString();
    }

    private string RandomText()
    {
        var text = new StringBuilder();
        var latin1 = random.Next(2) == 0;
        for (var n = random.Next(1, 300); n > 0; n--)
        {
            // Either bytes read as Latin-1, or any UTF-16 code unit, lone surrogates included.
            text.Append(latin1 ? (char)random.Next(256) : (char)random.Next(char.MaxValue + 1));
            if (random.Next(8) == 0)
            {
                text.Append(Snippets[random.Next(Snippets.Length)]);
            }
        }

        return text.ToString();
    }

    /// <summary>Nesting shapes: name, prefix, opener, closer, innermost, suffix.</summary>
    private static readonly (string Name, string Prefix, string Open, string Close, string Inner, string Suffix)[] Shapes =
    [
        ("nest_parens", "{{ ", "(", ")", "x", " }}"),
        ("nest_lists", "{{ ", "[", "]", "1", " }}"),
        ("nest_dicts", "{{ ", "{'k': ", "}", "1", " }}"),
        ("nest_unary_minus", "{{ ", "-", string.Empty, "x", " }}"),
        ("nest_not", "{{ ", "not ", string.Empty, "x", " }}"),
        ("nest_plus_chain", "{{ ", "x + ", string.Empty, "x", " }}"),
        ("nest_conditional", "{{ ", "x if x else ", string.Empty, "x", " }}"),
        ("nest_tuples", "{{ ", "(x, ", ")", "x", " }}"),
        ("nest_calls", "{{ ", "range(", ")|list|length", "2", " }}"),
        ("nest_if", string.Empty, "{% if x %}", "{% endif %}", "x", string.Empty),
        ("nest_for", string.Empty, "{% for i in y %}", "{% endfor %}", "{{ loop.depth }}", string.Empty),
        ("nest_filter_blocks", string.Empty, "{% filter upper %}", "{% endfilter %}", "x", string.Empty),
        ("nest_set_blocks", string.Empty, "{% set z %}", "{% endset %}{{ z }}", "x", string.Empty),
        ("nest_with", string.Empty, "{% with w = x %}", "{% endwith %}", "{{ w }}", string.Empty),
        ("nest_macro_defs", string.Empty, "{% macro m() %}", "{% endmacro %}", "x", string.Empty),
        ("nest_call_blocks", string.Empty, "{% call m() %}", "{% endcall %}", "x", string.Empty),
    ];

    /// <summary>The names of the nesting shapes (for the known-crash list).</summary>
    public static IEnumerable<string> ShapeNames => Shapes.Select(s => s.Name);

    private FuzzCase Nesting()
    {
        var depth = random.Next(4) == 0 ? random.Next(1_000, 12_000) : random.Next(1, 400);
        var shape = Shapes[random.Next(Shapes.Length)];
        var closeAll = random.Next(4) != 0; // otherwise unbalanced
        var unbalancedFrom = closeAll ? 0 : random.Next(depth);
        if (FuzzKnownIssues.Failures.ContainsKey(shape.Name))
        {
            return new FuzzCase("skipped " + shape.Name, string.Empty, DefaultVars, false);
        }

        var text = new StringBuilder(shape.Prefix);
        for (var i = 0; i < depth; i++)
        {
            text.Append(shape.Open);
        }

        text.Append(shape.Inner);
        for (var i = unbalancedFrom; i < depth; i++)
        {
            text.Append(shape.Close);
        }

        return new FuzzCase(shape.Name, text.Append(shape.Suffix).ToString(), DefaultVars, Strict());
    }

    private FuzzCase Hostile()
    {
        var (name, template) = HostileTemplates.All[random.Next(HostileTemplates.All.Count)];
        return FuzzKnownIssues.Failures.ContainsKey(name)
            ? new FuzzCase("skipped " + name, string.Empty, DefaultVars, false)
            : new FuzzCase("hostile " + name, template, DefaultVars, Strict());
    }

    private string RandomChar() => random.Next(3) switch
    {
        0 => Punctuation[random.Next(Punctuation.Length)].ToString(),
        1 => ((char)random.Next(char.MaxValue + 1)).ToString(),
        _ => ((char)random.Next(32, 127)).ToString(),
    };

    private string BigNumber() => random.Next(4) switch
    {
        0 => new string('9', random.Next(1, 5_000)),
        1 => "1e" + random.Next(-400, 400).ToString(CultureInfo.InvariantCulture),
        2 => "10**" + random.Next(1, 100_000).ToString(CultureInfo.InvariantCulture),
        _ => "'" + new string('z', random.Next(1, 100_000)) + "'",
    };
}
