using Cedule.Core.Execution.Adapters;
using Cedule.Core.Project;
using Npgsql;

namespace Cedule.Adapters.Postgres.Internal;

/// <summary>dbt-postgres's profile keys as an Npgsql connection string.</summary>
internal sealed class PostgresSettings
{
    private PostgresSettings(string connectionString, string description, string? role)
    {
        ConnectionString = connectionString;
        Description = description;
        Role = role;
    }

    public string ConnectionString { get; }

    /// <summary>"host 127.0.0.1, port 5432, database dw, user etl": what a failure message names (no secret).</summary>
    public string Description { get; }

    /// <summary>The role to <c>SET ROLE</c> to after connecting, if any.</summary>
    public string? Role { get; }

    public static PostgresSettings From(ResolvedProfile profile)
    {
        var s = profile.Settings;
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = ProfileSettings.GetString(s, "host") ?? "localhost",
            Port = ProfileSettings.GetInt(s, "port") ?? 5432,
            Username = ProfileSettings.GetString(s, "user", "username"),
            Password = ProfileSettings.GetString(s, "password", "pass"),
            Database = ProfileSettings.GetString(s, "dbname", "database"),
            ApplicationName = ProfileSettings.GetString(s, "application_name") ?? "cedule",

            // Statements run as long as they need (dbt sets no timeout); the runner cancels them.
            CommandTimeout = 0,
        };
        if (ProfileSettings.GetString(s, "sslmode") is { } sslMode)
        {
            builder.SslMode = Enum.TryParse<SslMode>(sslMode.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var mode)
                ? mode
                : throw new DatabaseException($"profile key 'sslmode' has an unknown value '{sslMode}' (disable, allow, prefer, require, verify-ca, verify-full)");
        }

        if (ProfileSettings.GetInt(s, "connect_timeout") is { } timeout)
        {
            builder.Timeout = timeout;
        }

        if (ProfileSettings.GetInt(s, "keepalives_idle") is { } idle and > 0)
        {
            // libpq's keepalives_idle is the TCP keepalive idle time.
            builder.TcpKeepAlive = true;
            builder.TcpKeepAliveTime = idle;
        }

        if (ProfileSettings.GetString(s, "search_path") is { } searchPath)
        {
            builder.SearchPath = searchPath;
        }

        if (ProfileSettings.GetString(s, "sslrootcert") is { } rootCert)
        {
            builder.RootCertificate = rootCert;
        }

        if (ProfileSettings.GetString(s, "sslcert") is { } cert)
        {
            builder.SslCertificate = cert;
        }

        if (ProfileSettings.GetString(s, "sslkey") is { } key)
        {
            builder.SslKey = key;
        }

        var description = $"host {builder.Host}, port {builder.Port}, database {builder.Database ?? "(default)"}, user {builder.Username ?? "(default)"}";
        return new PostgresSettings(builder.ConnectionString, description, ProfileSettings.GetString(s, "role"));
    }
}
