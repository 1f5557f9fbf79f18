using Cedule.Core.Graph;
using Cedule.Core.Selection;

namespace Cedule.Core.Tests.Selection;

/// <summary>
/// A school board's project: the package <c>core</c> (installed at dbt_packages/core) holds the
/// raw sources and staging; the root project <c>css_centre</c> holds marts, dashboards, a
/// versioned model, a disabled model and the consumers (exposure, metric, …).
/// </summary>
internal static class SchoolBoardGraph
{
    public const string SrcEleves = "source.core.raw.eleves";
    public const string SrcAbsences = "source.core.raw.absences";
    public const string Ecoles = "seed.core.ecoles";
    public const string StgEleves = "model.core.stg_eleves";
    public const string StgAbsences = "model.core.stg_absences";
    public const string IntPresences = "model.core.int_presences";
    public const string Snapshot = "snapshot.core.eleves_snapshot";
    public const string TestUniqueStgEleves = "test.core.unique_stg_eleves_eleve_id";
    public const string TestNotNullStgAbsences = "test.core.not_null_stg_absences_eleve_id";
    public const string TestSourceNotNull = "test.core.source_not_null_raw_eleves_eleve_id";
    public const string TestRelationships = "test.core.relationships_stg_absences_eleve_id";
    public const string Calendrier = "seed.css_centre.calendrier";
    public const string FctAbsences = "model.css_centre.fct_absences";
    public const string DimV1 = "model.css_centre.dim_eleves.v1";
    public const string DimV2 = "model.css_centre.dim_eleves.v2";
    public const string DimV3 = "model.css_centre.dim_eleves.v3";
    public const string Rpt = "model.css_centre.rpt_tableau_bord";
    public const string Disabled = "model.css_centre.old_model";
    public const string TestAcceptedValues = "test.css_centre.accepted_values_fct_absences_motif";
    public const string TestExpression = "test.css_centre.dbt_utils_expression_is_true_fct_absences";
    public const string TestSingular = "test.css_centre.assert_absences_coherentes";
    public const string TestUniqueDimV2 = "test.css_centre.unique_dim_eleves_v2_eleve_id";
    public const string TestRptCoversDim = "test.css_centre.assert_rpt_couvre_dim";
    public const string UnitTest = "unit_test.css_centre.fct_absences.test_calcul_taux";
    public const string Exposure = "exposure.css_centre.tableau_bord_direction";
    public const string Metric = "metric.css_centre.taux_absence";
    public const string SemanticModel = "semantic_model.css_centre.absences";
    public const string SavedQuery = "saved_query.css_centre.absences_hebdo";
    public const string Analysis = "analysis.css_centre.exploration";
    public const string Operation = "operation.css_centre.css_centre-on-run-end-0";

    public static Dag SchoolDag { get; } = Dag.Build(Nodes());

    public static IReadOnlyList<string> Select(string? select = null, string? exclude = null, IndirectSelection mode = IndirectSelection.Eager)
    {
        var result = NodeSelector.Select(SchoolDag, new SelectionCriteria
        {
            Select = select is null ? [] : [select],
            Exclude = exclude is null ? [] : [exclude],
            IndirectSelection = mode,
        });
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        return result.UniqueIds;
    }

    /// <summary>The ids sorted ordinally, to compare sets.</summary>
    public static string[] Sorted(IEnumerable<string> ids) => [.. ids.Order(StringComparer.Ordinal)];

    private static IEnumerable<GraphNode> Nodes()
    {
        const string core = "dbt_packages/core";
        yield return Source("eleves", ["raw", "pii"]);
        yield return Source("absences", ["raw"]);
        yield return Node(Ecoles, NodeType.Seed, "core", "ecoles", ["core", "ecoles"], "seeds/ecoles.csv", core, config: new() { ["materialized"] = "seed" });
        yield return Node(StgEleves, NodeType.Model, "core", "stg_eleves", ["core", "staging", "stg_eleves"], "models/staging/stg_eleves.sql", core,
            [SrcEleves, Ecoles], ["staging", "daily"], new() { ["materialized"] = "view", ["tags"] = new List<object?> { "staging", "daily" } },
            "models/staging/_staging.yml");
        yield return Node(StgAbsences, NodeType.Model, "core", "stg_absences", ["core", "staging", "stg_absences"], "models/staging/stg_absences.sql", core,
            [SrcAbsences], ["staging"], new() { ["materialized"] = "view" });
        yield return Node(IntPresences, NodeType.Model, "core", "int_presences", ["core", "intermediate", "int_presences"], "models/intermediate/int_presences.sql", core,
            [StgEleves, StgAbsences], ["intermediate"], new() { ["materialized"] = "ephemeral" });
        yield return Node(Snapshot, NodeType.Snapshot, "core", "eleves_snapshot", ["core", "eleves_snapshot", "eleves_snapshot"], "snapshots/eleves_snapshot.sql", core,
            [StgEleves], config: new() { ["materialized"] = "snapshot", ["strategy"] = "timestamp" });
        yield return Test(TestUniqueStgEleves, "core", core, TestKind.Generic, "unique", null, StgEleves, "eleve_id", [StgEleves], "models/staging/_staging.yml");
        yield return Test(TestNotNullStgAbsences, "core", core, TestKind.Generic, "not_null", null, StgAbsences, "eleve_id", [StgAbsences], "models/staging/_staging.yml");
        yield return Test(TestSourceNotNull, "core", core, TestKind.Generic, "not_null", null, SrcEleves, "eleve_id", [SrcEleves], "models/sources.yml", ["raw", "pii"]);
        yield return Test(TestRelationships, "core", core, TestKind.Generic, "relationships", null, StgAbsences, "eleve_id", [StgEleves, StgAbsences], "models/staging/_staging.yml");

        yield return Node(Calendrier, NodeType.Seed, "css_centre", "calendrier", ["css_centre", "calendrier"], "seeds/calendrier.csv", config: new() { ["materialized"] = "seed" });
        yield return Node(FctAbsences, NodeType.Model, "css_centre", "fct_absences", ["css_centre", "marts", "fct_absences"], "models/marts/fct_absences.sql", "",
            [IntPresences, Calendrier], ["marts", "daily"], new()
            {
                ["materialized"] = "table",
                ["group"] = "assiduite",
                ["access"] = "public",
                ["transient"] = true,
                ["meta"] = new Dictionary<string, object?> { ["owner"] = "equipe_donnees", ["contains_pii"] = true, ["priority"] = 1L },
                ["grants"] = new Dictionary<string, object?> { ["select"] = new List<object?> { "reporter", "analysts" } },
            }, "models/marts/_marts.yml");
        foreach (var version in new[] { "1", "2", "3" })
        {
            yield return new GraphNode
            {
                UniqueId = $"model.css_centre.dim_eleves.v{version}",
                ResourceType = NodeType.Model,
                PackageName = "css_centre",
                Name = "dim_eleves",
                Fqn = ["css_centre", "marts", "dim_eleves", $"v{version}"],
                OriginalFilePath = $"models/marts/dim_eleves_v{version}.sql",
                PatchPath = "models/marts/_marts.yml",
                Version = version,
                LatestVersion = "2",
                Tags = ["marts"],
                Config = new Dictionary<string, object?> { ["materialized"] = "table", ["access"] = version == "2" ? "public" : "protected" },
                DependsOn = [StgEleves],
            };
        }

        yield return Node(Rpt, NodeType.Model, "css_centre", "rpt_tableau_bord", ["css_centre", "dashboards", "rpt_tableau_bord"], "models/dashboards/rpt_tableau_bord.sql", "",
            [FctAbsences, DimV2], ["dashboards"], new()
            {
                ["materialized"] = "incremental",
                ["access"] = "private",
                ["unique_key"] = new List<object?> { "eleve_id", "jour" },
            });
        yield return Node(Disabled, NodeType.Model, "css_centre", "old_model", ["css_centre", "marts", "old_model"], "models/marts/old_model.sql", "",
            [StgEleves], ["marts"], new() { ["enabled"] = false, ["materialized"] = "table" });
        yield return Test(TestAcceptedValues, "css_centre", "", TestKind.Generic, "accepted_values", null, FctAbsences, "motif", [FctAbsences], "models/marts/_marts.yml",
            config: new() { ["severity"] = "warn" });
        yield return Test(TestExpression, "css_centre", "", TestKind.Generic, "expression_is_true", "dbt_utils", FctAbsences, null, [FctAbsences], "models/marts/_marts.yml",
            config: new() { ["severity"] = "ERROR" });
        yield return Test(TestSingular, "css_centre", "", TestKind.Singular, null, null, null, null, [FctAbsences, DimV2], "tests/assert_absences_coherentes.sql", ["qualite"]);
        yield return Test(TestRptCoversDim, "css_centre", "", TestKind.Singular, null, null, null, null, [Rpt, DimV2], "tests/assert_rpt_couvre_dim.sql");
        yield return Test(TestUniqueDimV2, "css_centre", "", TestKind.Generic, "unique", null, DimV2, "eleve_id", [DimV2], "models/marts/_marts.yml");
        yield return Node(UnitTest, NodeType.UnitTest, "css_centre", "test_calcul_taux", ["css_centre", "marts", "fct_absences", "test_calcul_taux"], "models/marts/_marts.yml", "", [FctAbsences]);
        yield return Node(Exposure, NodeType.Exposure, "css_centre", "tableau_bord_direction", ["css_centre", "dashboards", "tableau_bord_direction"], "models/dashboards/_exposures.yml", "", [Rpt]);
        yield return Node(Metric, NodeType.Metric, "css_centre", "taux_absence", ["css_centre", "marts", "taux_absence"], "models/marts/_metrics.yml", "", [SemanticModel],
            config: new() { ["group"] = "assiduite" });
        yield return Node(SemanticModel, NodeType.SemanticModel, "css_centre", "absences", ["css_centre", "marts", "absences"], "models/marts/_metrics.yml", "", [FctAbsences]);
        yield return Node(SavedQuery, NodeType.SavedQuery, "css_centre", "absences_hebdo", ["css_centre", "marts", "absences_hebdo"], "models/marts/_metrics.yml", "", [Metric]);
        yield return Node(Analysis, NodeType.Analysis, "css_centre", "exploration", ["css_centre", "analysis", "exploration"], "analyses/exploration.sql", "", [FctAbsences]);
        yield return Node(Operation, NodeType.Operation, "css_centre", "css_centre-on-run-end-0", ["css_centre", "hooks", "css_centre-on-run-end-0"], "dbt_project.yml");
    }

    private static GraphNode Source(string table, string[] tags) => new()
    {
        UniqueId = $"source.core.raw.{table}",
        ResourceType = NodeType.Source,
        PackageName = "core",
        Name = table,
        SourceName = "raw",
        Fqn = ["core", "raw", table],
        OriginalFilePath = "models/sources.yml",
        PackageRootPath = "dbt_packages/core",
        Tags = tags,
        Config = new Dictionary<string, object?> { ["enabled"] = true },
    };

    private static GraphNode Node(
        string id, NodeType type, string package, string name, string[] fqn, string file, string root = "",
        string[]? dependsOn = null, string[]? tags = null, Dictionary<string, object?>? config = null, string? patch = null) => new()
    {
        UniqueId = id,
        ResourceType = type,
        PackageName = package,
        Name = name,
        Fqn = fqn,
        OriginalFilePath = file,
        PackageRootPath = root,
        DependsOn = dependsOn ?? [],
        Tags = tags ?? [],
        Config = config ?? [],
        PatchPath = patch,
    };

    private static GraphNode Test(
        string id, string package, string root, TestKind kind, string? testName, string? ns, string? attached, string? column,
        string[] dependsOn, string file, string[]? tags = null, Dictionary<string, object?>? config = null)
    {
        var name = id[(id.IndexOf('.', 5) + 1)..];
        var resolved = new Dictionary<string, object?> { ["severity"] = "ERROR", ["materialized"] = "test" };
        foreach (var (key, value) in config ?? [])
        {
            resolved[key] = value;
        }

        return new GraphNode
        {
            UniqueId = id,
            ResourceType = NodeType.Test,
            PackageName = package,
            Name = name,
            Fqn = kind == TestKind.Generic ? [package, .. file.Split('/')[1..^1], name] : [package, name],
            OriginalFilePath = file,
            PackageRootPath = root,
            TestKind = kind,
            TestName = testName,
            TestNamespace = ns,
            AttachedNode = attached,
            ColumnName = column,
            DependsOn = dependsOn,
            Tags = tags ?? [],
            Config = resolved,
        };
    }
}
