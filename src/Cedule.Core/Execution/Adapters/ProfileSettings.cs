using System.Globalization;
using Cedule.Jinja.Values;

namespace Cedule.Core.Execution.Adapters;

/// <summary>
/// Reads the keys of a profile target (<see cref="Project.ResolvedProfile.Settings"/>) the way
/// dbt's adapters do: a key may have aliases (<c>password</c> or <c>pass</c>), a number may be
/// written as text, and a wrong shape is a <see cref="DatabaseException"/> naming the key.
/// </summary>
public static class ProfileSettings
{
    /// <summary>The first of <paramref name="keys"/> that is set, as text, or null.</summary>
    public static string? GetString(PyDict settings, params ReadOnlySpan<string> keys)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var key in keys)
        {
            if (settings.TryGetValue(key, out var value) && value is not null)
            {
                return value is string s ? s : PyOps.ToStr(value);
            }
        }

        return null;
    }

    /// <summary>The first of <paramref name="keys"/> that is set, as a whole number, or null.</summary>
    /// <exception cref="DatabaseException">The value is not a whole number.</exception>
    public static int? GetInt(PyDict settings, params ReadOnlySpan<string> keys)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var key in keys)
        {
            if (settings.TryGetValue(key, out var value) && value is not null)
            {
                return value switch
                {
                    long n when n is >= int.MinValue and <= int.MaxValue => (int)n,
                    string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
                    _ => throw new DatabaseException($"profile key '{key}' must be a whole number, not {PyOps.Repr(value)}"),
                };
            }
        }

        return null;
    }

    /// <summary>The value of <paramref name="key"/> as a mapping, or null when it is not set.</summary>
    /// <exception cref="DatabaseException">The value is not a mapping.</exception>
    public static PyDict? GetMapping(PyDict settings, string key)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return !settings.TryGetValue(key, out var value) || value is null ? null
            : value as PyDict ?? throw new DatabaseException($"profile key '{key}' must be a mapping, not {PyOps.Repr(value)}");
    }

    /// <summary>The value of <paramref name="key"/> as a list, or an empty list when it is not set.</summary>
    /// <exception cref="DatabaseException">The value is not a list.</exception>
    public static IReadOnlyList<object?> GetList(PyDict settings, string key)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return !settings.TryGetValue(key, out var value) || value is null ? []
            : value as List<object?> ?? throw new DatabaseException($"profile key '{key}' must be a list, not {PyOps.Repr(value)}");
    }

    /// <summary>
    /// Replaces every secret of the profile in <paramref name="message"/> by <c>*****</c>, so an
    /// error that echoes a connection string or a setting cannot leak one.
    /// </summary>
    public static string Mask(string message, IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(secrets);
        foreach (var secret in secrets.Where(s => s.Length > 0).OrderByDescending(s => s.Length))
        {
            message = message.Replace(secret, "*****", StringComparison.Ordinal);
        }

        return message;
    }
}
