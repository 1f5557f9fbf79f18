namespace Cedule.Core.Configs;

/// <summary>
/// The config keys dbt (1.9) and the adapters people use with it understand, per resource type.
/// A key outside these lists in a property file's <c>config:</c> block is usually a typo
/// (<c>materialised</c>, <c>uniqe_key</c>) that silently does nothing, so the parser warns about it
/// (as dbt 1.10's CustomKeyInConfigDeprecation does; custom values belong under <c>meta</c>) and
/// still keeps it in the node's config. <c>dbt_project.yml</c> <c>+key</c> entries are not checked:
/// dbt accepts custom configs there. Adapter-specific keys are accepted for every adapter, because
/// one project may run on several (a DuckDB laptop and a SQL Server production).
/// </summary>
public static class KnownConfigKeys
{
    // Every node config: dbt's NodeAndTestConfig / NodeConfig.
    private static readonly string[] Common =
    [
        "enabled", "alias", "schema", "database", "tags", "meta", "group", "docs", "persist_docs",
        "pre_hook", "post_hook", "pre-hook", "post-hook", "quoting", "column_types", "full_refresh",
        "grants", "packages", "contract", "event_time", "access", "materialized", "on_schema_change",
        "on_configuration_change", "unique_key", "sql_header", "incremental_strategy",
    ];

    // Keys of the adapters Cedule runs on and of those its users come from; each comment names the adapter.
    private static readonly string[] AdapterKeys =
    [
        "indexes", "unlogged", // postgres
        "as_columnstore", // sqlserver, fabric
        "location", "format", "delimiter", "glob", "options", "plugin", "partition_by", // duckdb (external), bigquery, spark
        "transient", "cluster_by", "automatic_clustering", "secure", "copy_grants", "snowflake_warehouse", "query_tag",
        "tmp_relation_type", "target_lag", "table_format", "external_volume", "base_location_root", "base_location_subpath", // snowflake
        "partition_expiration_days", "require_partition_filter", "kms_key_name", "labels", "hours_to_expiration",
        "policy_tags", "enable_refresh", "refresh_interval_minutes", "max_staleness", // bigquery
        "dist", "sort", "sort_type", "bind", "backup", "auto_refresh", // redshift
        "file_format", "location_root", "clustered_by", "buckets", "tblproperties", "liquid_clustered_by", "auto_liquid_cluster", // spark, databricks
    ];

    // Incremental and microbatch models (dbt 1.9).
    private static readonly string[] Incremental =
    [
        "incremental_predicates", "merge_update_columns", "merge_exclude_columns", "batch_size", "lookback", "begin",
        "concurrent_batches",
    ];

    private static readonly string[] Snapshot =
    [
        "strategy", "updated_at", "check_cols", "target_schema", "target_database", "invalidate_hard_deletes",
        "snapshot_meta_column_names", "hard_deletes", "dbt_valid_to_current",
    ];

    private static readonly string[] Test =
    [
        "severity", "where", "limit", "warn_if", "error_if", "fail_calc", "store_failures", "store_failures_as",
    ];

    private static readonly Dictionary<string, HashSet<string>> ByType = new(StringComparer.Ordinal)
    {
        ["model"] = Set(Common, AdapterKeys, Incremental),
        ["seed"] = Set(Common, AdapterKeys, ["quote_columns", "delimiter"]),
        ["snapshot"] = Set(Common, AdapterKeys, Snapshot),
        ["analysis"] = Set(Common),
        ["test"] = Set(Common, AdapterKeys, Test),
        ["unit_test"] = Set(["enabled", "tags", "meta"]),
        ["source"] = Set(["enabled", "event_time", "meta", "tags", "freshness", "loaded_at_field", "loaded_at_query", "quoting"]),
        ["exposure"] = Set(["enabled", "tags", "meta"]),
    };

    /// <summary>True when dbt or a common adapter understands <paramref name="key"/> on <paramref name="resourceType"/>; true for types it does not check.</summary>
    public static bool IsKnown(string resourceType, string key) =>
        !ByType.TryGetValue(resourceType, out var keys) || keys.Contains(key);

    private static HashSet<string> Set(params string[][] groups) => new(groups.SelectMany(g => g), StringComparer.Ordinal);
}
