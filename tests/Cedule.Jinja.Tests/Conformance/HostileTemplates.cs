namespace Cedule.Jinja.Tests.Conformance;

/// <summary>
/// Templates written to break a template engine: deep nesting for the parser and the renderer's
/// stack, huge literals, and computations whose cost or size explodes. A safe engine answers
/// each with a <see cref="TemplateException"/> (or a small output) quickly.
/// </summary>
internal static class HostileTemplates
{
    /// <summary>Templates the loader serves to the hostile cases: self and mutual inclusion.</summary>
    public static readonly IReadOnlyDictionary<string, string> LoaderTemplates = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fuzz/self_include.txt"] = "x{% include 'fuzz/self_include.txt' %}",
        ["fuzz/ping.txt"] = "{% include 'fuzz/pong.txt' %}",
        ["fuzz/pong.txt"] = "{% include 'fuzz/ping.txt' %}",
        ["fuzz/self_extends.txt"] = "{% extends 'fuzz/self_extends.txt' %}{% block b %}{% endblock %}",
        ["fuzz/self_import.txt"] = "{% import 'fuzz/self_import.txt' as m %}{% macro f() %}{% endmacro %}",
        ["fuzz/deep_block.txt"] = Repeat("{% block b%N% %}", 300, numbered: true) + Repeat("{% endblock %}", 300),
    };

    /// <summary>Every hostile template, by name.</summary>
    public static IReadOnlyList<(string Name, string Template)> All { get; } = Build();

    public static string Get(string name) => All.First(t => string.Equals(t.Name, name, StringComparison.Ordinal)).Template;

    private static List<(string, string)> Build()
    {
        const int Deep = 10_000;
        return
        [
            // Parser depth: nesting must end in a TemplateSyntaxError, never a stack overflow.
            ("parens_balanced", "{{ " + new string('(', Deep) + "1" + new string(')', Deep) + " }}"),
            ("parens_unbalanced", "{{ " + new string('(', Deep) + " }}"),
            ("lists_nested", "{{ " + new string('[', Deep) + new string(']', Deep) + " }}"),
            ("dicts_nested", "{{ " + Repeat("{'a': ", Deep) + "1" + new string('}', Deep) + " }}"),
            ("tuples_nested", "{{ " + Repeat("(1, ", Deep) + "1" + new string(')', Deep) + " }}"),
            ("if_nested", Repeat("{% if true %}", Deep) + "x" + Repeat("{% endif %}", Deep)),
            ("if_unclosed", Repeat("{% if true %}", Deep)),
            ("for_nested", Repeat("{% for i in [1] %}", 3_000) + "x" + Repeat("{% endfor %}", 3_000)),
            ("with_nested", Repeat("{% with a = 1 %}", 3_000) + "{{ a }}" + Repeat("{% endwith %}", 3_000)),
            ("filter_blocks_nested", Repeat("{% filter upper %}", 5_000) + "x" + Repeat("{% endfilter %}", 5_000)),
            ("macro_defs_nested", Repeat("{% macro m() %}", 3_000) + Repeat("{% endmacro %}", 3_000)),
            ("blocks_nested", Repeat("{% block b%N% %}", 3_000, numbered: true) + Repeat("{% endblock %}", 3_000)),
            ("unary_minus_chain", "{{ " + new string('-', 100_000) + "1 }}"),
            ("not_chain", "{{ " + Repeat("not ", 50_000) + "1 }}"),
            ("filter_chain", "{{ x" + Repeat("|string", 20_000) + " }}"),
            ("test_chain", "{{ x" + Repeat(" is defined", 2_000) + " }}"),
            ("attribute_chain", "{{ x" + Repeat(".a", 20_000) + " }}"),
            ("subscript_chain", "{{ y" + Repeat("[0]", 20_000) + " }}"),
            ("call_chain", "{{ range" + Repeat("(1)", 20_000) + " }}"),
            ("conditional_chain", "{{ 1" + Repeat(" if x else 1", 10_000) + " }}"),

            // Long left-associative chains: a flat parse that a recursive evaluator walks deeply.
            ("plus_chain", "{{ 1" + Repeat(" + 1", 50_000) + " }}"),
            ("plus_chain_variable", "{{ x" + Repeat(" + x", 50_000) + " }}"),
            ("concat_chain", "{{ s" + Repeat(" ~ s", 50_000) + " }}"),
            ("and_chain", "{{ x" + Repeat(" and x", 50_000) + " }}"),
            ("compare_chain", "{{ 1" + Repeat(" < 2", 50_000) + " }}"),
            ("power_chain", "{{ 2" + Repeat(" ** 2", 5_000) + " }}"),

            // Huge literals.
            ("int_literal_100k_digits", "{{ 1" + new string('0', 100_000) + " }}"),
            ("int_literal_arith", "{{ (1" + new string('0', 100_000) + ") * 7 // 3 }}"),
            ("float_literal_long", "{{ 1." + new string('0', 100_000) + "1 }}"),
            ("float_literal_overflow", "{{ 1e999999 }}"),
            ("string_literal_1m", "{{ '" + new string('a', 1_000_000) + "'|length }}"),
            ("string_literal_escapes", "{{ '" + Repeat("\\n", 200_000) + "'|length }}"),
            ("raw_text_1m", new string('x', 1_000_000)),
            ("comment_unclosed", "{#" + new string('x', 100_000)),
            ("raw_unclosed", "{% raw %}" + new string('x', 100_000)),

            // Computations whose size or cost explodes. Jinja's ** is left-associative
            // (2 ** 10 ** 8 is (2 ** 10) ** 8), hence the parentheses.
            ("power_tower", "{{ 2 ** (10 ** 8) }}"),
            ("power_tower_10", "{{ 10 ** (10 ** 10) }}"),
            ("power_nine", "{{ 9 ** (9 ** 9) }}"),
            ("power_then_str", "{{ (2 ** (10 ** 7))|string|length }}"),
            ("power_then_mod", "{{ (7 ** 1000000) % 7 }}"),
            ("power_big_then_str", "{{ (7 ** 100000)|string|length }}"),
            ("string_repeat_1e9", "{{ 'x' * 10**9 }}"),
            ("string_repeat_length", "{{ ('x' * 10**9)|length }}"),
            ("string_repeat_2_64", "{{ 'x' * 2**64 }}"),
            ("list_repeat_1e9", "{{ ([0] * 10**9)|length }}"),
            ("for_range_1e9", "{% for i in range(10**9) %}{% endfor %}"),
            ("for_range_1e9_output", "{% for i in range(10**9) %}{{ i }}{% endfor %}"),
            ("range_list", "{{ range(10**9)|list|length }}"),
            ("range_sum", "{{ range(10**9)|sum }}"),
            ("range_join", "{{ range(10**9)|join }}"),
            ("range_sort", "{{ range(10**9)|sort|first }}"),
            ("range_huge_bounds", "{{ range(0, 10**30, 10**29)|list }}"),
            ("range_length_1e18", "{{ range(10**18)|length }}"),
            ("range_length_2_64", "{{ range(2**64)|length }}"),
            ("range_contains_1e18", "{{ 10**17 in range(10**18) }}"),
            ("range_last_1e18", "{{ range(10**18)|last }}"),
            ("doubling_string", "{% set ns = namespace(x='ab') %}{% for i in range(64) %}{% set ns.x = ns.x ~ ns.x %}{% endfor %}{{ ns.x|length }}"),
            ("doubling_list", "{% set ns = namespace(l=[1]) %}{% for i in range(64) %}{% set ns.l = ns.l + ns.l %}{% endfor %}{{ ns.l|length }}"),
            ("doubling_extend", "{% set l = [1] %}{% for i in range(64) %}{% do l.extend(l) %}{% endfor %}{{ l|length }}"),
            ("center_1e9", "{{ 'x'|center(10**9) }}"),
            ("indent_1e9", "{{ 'a\nb'|indent(10**9) }}"),
            ("ljust_1e9", "{{ 'x'.ljust(10**9) }}"),
            ("format_width_1e9", "{{ '{:>1000000000}'.format(1) }}"),
            ("percent_width_1e9", "{{ '%1000000000d' % 1 }}"),
            ("batch_fill_1e9", "{{ [1]|batch(10**9, 0)|list|length }}"),
            ("slice_1e9", "{{ [1]|slice(10**9)|list|length }}"),
            ("round_digits_1e9", "{{ 1.5|round(10**9) }}"),
            ("truncate_huge", "{{ 'a b c'|truncate(10**30) }}"),
            ("index_huge", "{{ [1, 2][10**30] }}"),
            ("slice_huge", "{{ 'abc'[10**30:-10**30:10**30] }}"),
            ("wordwrap_long_text", "{{ ('ab ' * 100000)|wordwrap(1) }}"),
            ("replace_empty_growth", "{{ ('x' * 1000)|replace('', 'yyyyyyyyyy' * 1000) }}"),
            ("join_repeat", "{{ (['ab' * 1000] * 1000)|join('c' * 1000) }}"),

            // Self-referential containers (Python prints [[...]]; naive code recurses forever).
            ("self_list_print", "{% set l = [] %}{% do l.append(l) %}{{ l }}"),
            ("self_dict_print", "{% set d = {} %}{% do d.update({'a': d}) %}{{ d }}"),
            ("self_list_tojson", "{% set l = [] %}{% do l.append(l) %}{{ l|tojson }}"),
            ("self_list_pprint", "{% set l = [] %}{% do l.append(l) %}{{ l|pprint }}"),
            ("self_list_compare", "{% set l = [] %}{% do l.append(l) %}{% set m = [] %}{% do m.append(m) %}{{ l == m }}"),
            ("self_list_sort", "{% set l = [] %}{% do l.append(l) %}{% do l.append(l) %}{{ l|sort }}"),
            ("self_list_unique", "{% set l = [] %}{% do l.append(l) %}{{ l|unique|list }}"),
            ("self_list_in", "{% set l = [] %}{% do l.append(l) %}{{ [] in l }}"),

            // Unbounded recursion through macros, calls, loops and the loader.
            ("macro_recursion", "{% macro r(n) %}{{ r(n + 1) }}{% endmacro %}{{ r(0) }}"),
            ("macro_recursion_exponential", "{% macro r(n) %}{% for i in [1, 2] %}{{ r(n + 1) }}{% endfor %}{% endmacro %}{{ r(0) }}"),
            ("macro_recursion_in_filter", "{% macro r() %}{% filter upper %}{{ r() }}{% endfilter %}{% endmacro %}{{ r() }}"),
            ("macro_recursion_in_set", "{% macro r() %}{% set x %}{{ r() }}{% endset %}{% endmacro %}{{ r() }}"),
            ("macro_recursion_in_call", "{% macro r() %}{% call r() %}x{% endcall %}{% endmacro %}{{ r() }}"),
            ("caller_recursion", "{% macro m() %}{{ caller() }}{% endmacro %}{% macro r() %}{% call m() %}{{ r() }}{% endcall %}{% endmacro %}{{ r() }}"),
            ("macro_as_filter_argument", "{% macro r(n) %}{{ [n]|map('string')|join }}{{ r(n) }}{% endmacro %}{{ r(1) }}"),
            ("recursive_loop", "{% for x in [[1]] recursive %}{{ loop([[x]]) }}{% endfor %}"),
            ("self_include", "{% include 'fuzz/self_include.txt' %}"),
            ("mutual_include", "{% include 'fuzz/ping.txt' %}"),
            ("self_extends", "{% extends 'fuzz/self_extends.txt' %}"),
            ("self_import", "{% import 'fuzz/self_import.txt' as m %}{{ m.f() }}"),
            ("deep_blocks_loaded", "{% include 'fuzz/deep_block.txt' %}"),
            ("super_recursion", "{% extends 'base.html' %}{% block title %}{{ self.title() }}{% endblock %}"),
        ];
    }

    private static string Repeat(string text, int count, bool numbered = false)
    {
        var builder = new System.Text.StringBuilder(text.Length * count);
        for (var i = 0; i < count; i++)
        {
            builder.Append(numbered ? text.Replace("%N%", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) : text);
        }

        return builder.ToString();
    }
}
