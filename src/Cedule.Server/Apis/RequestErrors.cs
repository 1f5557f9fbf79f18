namespace Cedule.Server.Apis;

/// <summary>Collects field errors of a request for one RFC 9457 validation problem.</summary>
internal sealed class RequestErrors
{
    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public IDictionary<string, string[]> All => errors;

    /// <summary>Records <paramref name="message"/> for <paramref name="field"/> when <paramref name="wrong"/>.</summary>
    public RequestErrors Check(bool wrong, string field, string message)
    {
        if (wrong)
        {
            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        }

        return this;
    }
}
