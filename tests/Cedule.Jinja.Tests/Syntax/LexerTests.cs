using System.Numerics;
using Cedule.Jinja.Syntax;

namespace Cedule.Jinja.Tests.Syntax;

public sealed class LexerTests
{
    private static List<Token> Lex(string source, bool trim = false, bool lstrip = false) =>
        Lexer.Tokenize(new SourceText(source, "t", keepTrailingNewline: false), trim, lstrip);

    private static string Kinds(string source) => string.Join(" ", Lex(source).Select(t => t.Kind.ToString()));

    [Fact]
    public void Tokenize_DataAndVariable_ProducesTokensInOrder()
    {
        Assert.Equal("Data VariableBegin Name Add Integer VariableEnd Data Eof", Kinds("a {{ x + 1 }} b"));
    }

    [Fact]
    public void Tokenize_Numbers_ParsesUnderscoresBasesFloatsAndBigIntegers()
    {
        var tokens = Lex("{{ 1_000 0x1F 0b101 0o17 1.5e3 12345678901234567890123 }}");
        Assert.Equal(1000L, tokens[1].Value);
        Assert.Equal(31L, tokens[2].Value);
        Assert.Equal(5L, tokens[3].Value);
        Assert.Equal(15L, tokens[4].Value);
        Assert.Equal(1500.0, tokens[5].Value);
        Assert.Equal(BigInteger.Parse("12345678901234567890123", System.Globalization.CultureInfo.InvariantCulture), tokens[6].Value);
    }

    [Fact]
    public void Tokenize_StringEscapes_DecodesLikePython()
    {
        var tokens = Lex(@"{{ 'a\n\t\x41\u00e9\'\q' }}");
        Assert.Equal("a\n\tAé'\\q", tokens[1].Value);
    }

    [Fact]
    public void Tokenize_WhitespaceControl_StripsAroundTags()
    {
        var tokens = Lex("a  \n {%- if x -%}  \n b");
        Assert.Equal("a", tokens[0].Value);
        Assert.Equal(" b".TrimStart(), tokens[^2].Value);
    }

    [Fact]
    public void Tokenize_Raw_KeepsTagsAsData()
    {
        var tokens = Lex("{% raw %}{{ x }}{% endraw %}");
        Assert.Equal(TokenKind.Data, tokens[0].Kind);
        Assert.Equal("{{ x }}", tokens[0].Value);
    }

    [Fact]
    public void Tokenize_Comment_IsDropped()
    {
        Assert.Equal("Data Data Eof", Kinds("a{# {{ x }} #}b"));
    }

    [Fact]
    public void Tokenize_TrimAndLstripBlocks_RemoveNewlineAndIndent()
    {
        var tokens = Lex("x\n    {% if a %}\nY", trim: true, lstrip: true);
        Assert.Equal("x\n", tokens[0].Value);
        Assert.Equal("Y", tokens[^2].Value);
    }

    [Fact]
    public void Tokenize_DictInsideVariable_BalancesBraces()
    {
        Assert.Equal(
            "VariableBegin LBrace String Colon LBrace String Colon Integer RBrace RBrace VariableEnd Eof",
            Kinds("{{ {'a': {'b': 1}} }}"));
    }

    [Fact]
    public void Tokenize_UnexpectedChar_ReportsLineAndColumn()
    {
        var error = Assert.Throws<TemplateException>(() => Lex("ok\n{{ a ! b }}"));
        Assert.Equal(ErrorKind.TemplateSyntaxError, error.Kind);
        Assert.Equal("unexpected char '!' at 8", error.Detail);
        Assert.Equal(2, error.Line);
        Assert.Equal(6, error.Column);
    }

    [Fact]
    public void Tokenize_UnclosedComment_Fails()
    {
        var error = Assert.Throws<TemplateException>(() => Lex("{# never closed"));
        Assert.Equal("Missing end of comment tag", error.Detail);
    }

    [Fact]
    public void Tokenize_CarriageReturns_AreNormalizedAndTrailingNewlineDropped()
    {
        var tokens = Lex("a\r\nb\rc\n");
        Assert.Equal("a\nb\nc", tokens[0].Value);
    }
}
