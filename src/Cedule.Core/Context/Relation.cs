using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Context;

/// <summary>
/// A database relation as templates see it (<c>this</c>, what <c>ref()</c> and <c>source()</c>
/// return): prints as its quoted, dotted name; exposes database, schema, identifier.
/// </summary>
public sealed class Relation : IJinjaObject
{
    /// <summary>Creates a relation.</summary>
    public Relation(string? database, string? schema, string identifier, char quote = '"', string type = "table")
    {
        Database = database;
        Schema = schema;
        Identifier = identifier;
        Quote = quote;
        Type = type;
    }

    /// <summary>Database (catalog), or null.</summary>
    public string? Database { get; }

    /// <summary>Schema, or null.</summary>
    public string? Schema { get; }

    /// <summary>Relation name.</summary>
    public string Identifier { get; }

    /// <summary>The dialect's identifier quote character.</summary>
    public char Quote { get; }

    /// <summary>table, view, cte…</summary>
    public string Type { get; }

    /// <inheritdoc />
    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "database" => Database,
            "schema" => Schema,
            "identifier" or "name" or "table" => Identifier,
            "type" => Type,
            "is_table" => Type == "table",
            "is_view" => Type == "view",
            "is_cte" => Type == "cte",
            "render" => new JinjaFunction("render", (_, _) => ToPythonString()),
            "include" => new JinjaFunction("include", (_, args) => Include(args)),
            "quote" => new JinjaFunction("quote", (_, _) => this),
            "incorporate" => new JinjaFunction("incorporate", (_, args) => Incorporate(args)),
            "without_identifier" => new JinjaFunction("without_identifier", (_, _) => new Relation(Database, Schema, string.Empty, Quote, Type)),
            "is_materialized_view" => false,
            _ => null,
        };
        return value is not null || name is "database" or "schema";
    }

    /// <summary>dbt's <c>incorporate(path={...}, type=...)</c>: a copy with some parts replaced.</summary>
    private Relation Incorporate(Arguments args)
    {
        var database = Database;
        var schema = Schema;
        var identifier = Identifier;
        if (args.TryGetKeyword("path", out var path) && path is PyDict parts)
        {
            database = parts.TryGetValue("database", out var d) ? d as string : database;
            schema = parts.TryGetValue("schema", out var s) ? s as string : schema;
            identifier = parts.TryGetValue("identifier", out var i) && i is string id ? id : identifier;
        }

        var type = args.TryGetKeyword("type", out var t) && t is string newType ? newType : Type;
        return new Relation(database, schema, identifier, Quote, type);
    }

    private Relation Include(Arguments args)
    {
        var database = args.Get(0, "database", true) is not false;
        var schema = args.Get(1, "schema", true) is not false;
        var identifier = args.Get(2, "identifier", true) is not false;
        return new Relation(database ? Database : null, schema ? Schema : null, identifier ? Identifier : string.Empty, Quote, Type);
    }

    /// <inheritdoc />
    public string ToPythonString()
    {
        if (Type == "cte")
        {
            // An ephemeral model's CTE is named, not a database object: dbt prints it bare.
            return Identifier;
        }

        var parts = new List<string>(3);
        if (!string.IsNullOrEmpty(Database))
        {
            parts.Add(Quoted(Database));
        }

        if (!string.IsNullOrEmpty(Schema))
        {
            parts.Add(Quoted(Schema));
        }

        if (!string.IsNullOrEmpty(Identifier))
        {
            parts.Add(Quoted(Identifier));
        }

        return string.Join('.', parts);
    }

    /// <inheritdoc />
    public override string ToString() => ToPythonString();

    private string Quoted(string part) => QuoteIdentifier(part, Quote);

    /// <summary>An identifier between <paramref name="quote"/> characters, the quote doubled inside (<c>a"b</c> → <c>"a""b"</c>).</summary>
    public static string QuoteIdentifier(string identifier, char quote)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var q = quote.ToString();
        return string.Concat(q, identifier.Replace(q, new string(quote, 2), StringComparison.Ordinal), q);
    }
}
