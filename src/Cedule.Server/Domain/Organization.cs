namespace Cedule.Server.Domain;

/// <summary>A tenant (a school service centre, a company): everything else belongs to one.</summary>
public sealed class Organization
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; }

    /// <summary>Display name.</summary>
    public required string Name { get; set; }

    /// <summary>Short unique name used in URLs and logs (lowercase letters, digits, dashes).</summary>
    public required string Slug { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
