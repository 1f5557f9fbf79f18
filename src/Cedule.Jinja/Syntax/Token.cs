namespace Cedule.Jinja.Syntax;

/// <summary>
/// One token. <see cref="Value"/> is the text of names, strings and data, a <c>long</c> or
/// <c>BigInteger</c> for integers and a <c>double</c> for floats.
/// </summary>
internal readonly record struct Token(TokenKind Kind, object? Value, Span Span)
{
    public string Text => Value as string ?? string.Empty;

    public bool IsName(string name) =>
        Kind == TokenKind.Name && string.Equals((string?)Value, name, StringComparison.Ordinal);

    /// <summary>How Jinja2's <c>describe_token</c> names this token in error messages.</summary>
    public string Describe() => Kind == TokenKind.Name ? Text : DescribeKind(Kind);

    public static string DescribeKind(TokenKind kind) => kind switch
    {
        TokenKind.Eof => "end of template",
        TokenKind.Data => "template data / text",
        TokenKind.VariableBegin => "begin of print statement",
        TokenKind.VariableEnd => "end of print statement",
        TokenKind.BlockBegin => "begin of statement block",
        TokenKind.BlockEnd => "end of statement block",
        TokenKind.Name => "name",
        TokenKind.String => "string",
        TokenKind.Integer => "integer",
        TokenKind.Float => "float",
        TokenKind.Add => "+",
        TokenKind.Sub => "-",
        TokenKind.Div => "/",
        TokenKind.FloorDiv => "//",
        TokenKind.Mul => "*",
        TokenKind.Mod => "%",
        TokenKind.Pow => "**",
        TokenKind.Tilde => "~",
        TokenKind.LBracket => "[",
        TokenKind.RBracket => "]",
        TokenKind.LParen => "(",
        TokenKind.RParen => ")",
        TokenKind.LBrace => "{",
        TokenKind.RBrace => "}",
        TokenKind.Eq => "==",
        TokenKind.Ne => "!=",
        TokenKind.Gt => ">",
        TokenKind.GtEq => ">=",
        TokenKind.Lt => "<",
        TokenKind.LtEq => "<=",
        TokenKind.Assign => "=",
        TokenKind.Dot => ".",
        TokenKind.Colon => ":",
        TokenKind.Pipe => "|",
        TokenKind.Comma => ",",
        TokenKind.Semicolon => ";",
        _ => kind.ToString(),
    };
}
