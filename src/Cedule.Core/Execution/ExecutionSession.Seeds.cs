using Cedule.Core.Dialects;
using Cedule.Core.Execution.Adapters;
using Cedule.Core.Execution.Runtime;
using Cedule.Core.Execution.Seeds;
using Cedule.Jinja.Values;

namespace Cedule.Core.Execution;

public sealed partial class ExecutionSession
{
    /// <summary>A seed runs the <c>seed</c> materialization, which calls back into <see cref="LoadSeed"/> for the bulk load.</summary>
    private NodeResult RunSeed(NodeRun run)
    {
        CallMaterialization(run, "seed");
        var main = MainResponse(run);
        return Result(run.Node, NodeStatus.Success, null, main?.Message ?? "OK", main?.RowsAffected is >= 0 ? main.RowsAffected : null);
    }

    /// <summary>Reads a seed's CSV with its delimiter and column_types configs (types inferred once per node run).</summary>
    internal SeedData ReadSeed(NodeRun run)
    {
        var node = run.Node;
        var columnTypes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node.Config.TryGetValue("column_types", out var types) && types is PyDict dict)
        {
            foreach (var (key, value) in dict)
            {
                columnTypes[PyOps.ToStr(key)] = PyOps.ToStr(value);
            }
        }

        var delimiter = node.Config.TryGetValue("delimiter", out var d) && d is string { Length: 1 } text ? text[0] : ',';
        var path = Path.Combine(Parse.Directory ?? ".", node.OriginalFilePath);
        return CsvSeed.Read(path, new SeedOptions(delimiter, columnTypes, node.OriginalFilePath), run.CancellationToken);
    }

    /// <summary>
    /// Creates <paramref name="relation"/> with the seed's columns when <paramref name="create"/>, then
    /// bulk-loads the rows; stores the outcome as the node's <c>main</c> result.
    /// </summary>
    internal long LoadSeed(NodeRun run, RuntimeAdapter adapter, SeedData seed, Context.Relation relation, bool create)
    {
        var connection = run.RequireConnection();
        var dialect = Dialect.For(Target.Type);
        var columns = seed.Columns.Select(c => c.ToColumnInfo(c.TypeOverride ?? dialect.TypeName(c.Kind))).ToList();
        if (create)
        {
            var definitions = string.Join(",\n    ", columns.Select(c => $"{QuoteIdentifier(c.Name)} {c.DataType}"));
            adapter.ExecuteSql($"create table {relation} (\n    {definitions}\n)", autoBegin: true, fetch: false);
            Relations.Add(new RelationInfo(relation.Database, relation.Schema ?? Target.Schema, relation.Identifier));
        }
        else if (!connection.InTransaction)
        {
            connection.Begin();
        }

        var rows = connection.BulkLoad(new RelationInfo(relation.Database, relation.Schema ?? Target.Schema, relation.Identifier), columns, seed.Rows, run.CancellationToken);
        run.Statements.Add($"-- {rows} rows of {run.Node.OriginalFilePath} bulk-loaded into {relation}");
        run.Log("debug", $"loaded {rows} rows into {relation}");
        run.Results["main"] = new PyDict
        {
            ["response"] = new ResponseObject(new AdapterResponse($"INSERT {rows}", rows, "INSERT")),
            ["data"] = new List<object?>(),
            ["table"] = null,
        };
        return rows;
    }

    /// <summary>Column names of a seed, for the materialization's check that the existing table still fits the file.</summary>
    internal static List<object?> SeedColumnNames(SeedData seed) => [.. seed.Columns.Select(c => (object?)c.Name.ToLowerInvariant())];
}
