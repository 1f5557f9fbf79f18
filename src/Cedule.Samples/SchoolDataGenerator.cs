using System.Diagnostics;
using System.Globalization;
using Cedule.Core.Dialects;
using Cedule.Core.Execution.Adapters;

namespace Cedule.Samples;

/// <summary>
/// Writes a <see cref="SchoolBoard"/> into a warehouse as the sources of the sample project: schema
/// <c>gpi</c> (students: schools, students, enrolments, attendance, subjects, results, diplomas) and
/// schema <c>paie</c> (staff and assignments), through the driver's bulk path. Existing tables are
/// replaced.
/// </summary>
public static class SchoolDataGenerator
{
    private sealed record Table(string Schema, string Name, ColumnInfo[] Columns, Func<SchoolBoard, IEnumerable<object?[]>> Rows);

    private static ColumnInfo Col(string name, ValueKind kind) => new(name, string.Empty, kind);

    private static readonly Table[] Tables =
    [
        new("gpi", "ecoles", [Col("eco", ValueKind.Text), Col("nom_ecole", ValueKind.Text), Col("ordre_ens", ValueKind.Text), Col("ville", ValueKind.Text)],
            b => b.Schools.Select(s => new object?[] { s.Code, s.Name, s.Order, s.City })),
        new("gpi", "eleves", [Col("fiche", ValueKind.Integer), Col("nom", ValueKind.Text), Col("prenom", ValueKind.Text), Col("genre", ValueKind.Text), Col("date_naissance", ValueKind.Date)],
            b => b.Students.Select(s => new object?[] { s.Id, s.LastName, s.FirstName, s.Gender, s.BirthDate })),
        new("gpi", "inscriptions", [Col("fiche", ValueKind.Integer), Col("annee", ValueKind.Integer), Col("eco", ValueKind.Text), Col("niveau", ValueKind.Integer), Col("date_debut", ValueKind.Date), Col("date_fin", ValueKind.Date)],
            b => b.Students.Select(s => new object?[] { s.Id, (long)SchoolBoard.Year, s.School.Code, (long)s.Grade, b.Days[0], b.LeftOn(s) })),
        new("gpi", "presences", [Col("fiche", ValueKind.Integer), Col("eco", ValueKind.Text), Col("date_jour", ValueKind.Date), Col("statut", ValueKind.Text), Col("motif", ValueKind.Text)],
            b => b.Attendance().Select(a => new object?[] { a.StudentId, a.SchoolCode, a.Day, a.Status, a.Reason })),
        new("gpi", "matieres", [Col("matiere", ValueKind.Text), Col("description", ValueKind.Text), Col("ordre_ens", ValueKind.Text)],
            _ => SchoolBoard.Subjects.Select(s => new object?[] { s.Code, s.Description, s.Order })),
        new("gpi", "resultats", [Col("fiche", ValueKind.Integer), Col("annee", ValueKind.Integer), Col("matiere", ValueKind.Text), Col("etape", ValueKind.Integer), Col("note", ValueKind.Integer)],
            b => b.Results().Select(r => new object?[] { r.StudentId, (long)SchoolBoard.Year, r.Subject, (long)r.Term, (long)r.Mark })),
        new("gpi", "diplomes", [Col("fiche", ValueKind.Integer), Col("annee", ValueKind.Integer), Col("type_diplome", ValueKind.Text), Col("date_obtention", ValueKind.Date)],
            b => b.Graduates().Select(s => new object?[] { s.Id, (long)SchoolBoard.Year, "DES", new DateOnly(SchoolBoard.Year + 1, 6, 30) })),
        new("paie", "employes", [Col("matricule", ValueKind.Text), Col("nom", ValueKind.Text), Col("prenom", ValueKind.Text), Col("date_embauche", ValueKind.Date), Col("statut", ValueKind.Text)],
            b => b.Employees.Select(e => new object?[] { e.Id, e.LastName, e.FirstName, e.HireDate, "actif" })),
        new("paie", "affectations", [Col("matricule", ValueKind.Text), Col("eco", ValueKind.Text), Col("corps_emploi", ValueKind.Text), Col("annee", ValueKind.Integer), Col("etp", ValueKind.Decimal)],
            b => b.Employees.Select(e => new object?[] { e.Id, e.School.Code, e.Job, (long)SchoolBoard.Year, e.Fte })),
    ];

    /// <summary>The source tables the generator writes, as <c>schema.table</c>.</summary>
    public static IReadOnlyList<string> TableNames { get; } = [.. Tables.Select(t => $"{t.Schema}.{t.Name}")];

    /// <summary>Replaces the source tables with <paramref name="board"/>'s rows; returns the rows written per table.</summary>
    public static IReadOnlyDictionary<string, long> Load(
        IDatabaseConnection connection, string adapterType, SchoolBoard board, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(board);
        var dialect = Dialect.For(adapterType);
        var written = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var schema in Tables.Select(t => t.Schema).Distinct(StringComparer.Ordinal))
        {
            connection.Execute($"create schema if not exists {dialect.Quote(schema)}", fetch: false, cancellationToken);
        }

        foreach (var table in Tables)
        {
            var clock = Stopwatch.StartNew();
            var name = $"{dialect.Quote(table.Schema)}.{dialect.Quote(table.Name)}";
            var columns = table.Columns.Select(c => c with { DataType = c.Kind == ValueKind.Decimal ? "decimal(9,2)" : dialect.TypeName(c.Kind) }).ToList();
            connection.Execute($"drop table if exists {name}", fetch: false, cancellationToken);
            connection.Execute($"create table {name} ({string.Join(", ", columns.Select(c => $"{dialect.Quote(c.Name)} {c.DataType}"))})", fetch: false, cancellationToken);
            var rows = connection.BulkLoad(new RelationInfo(null, table.Schema, table.Name), columns, table.Rows(board), cancellationToken);
            written[$"{table.Schema}.{table.Name}"] = rows;
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{table.Schema}.{table.Name}: {rows:N0} rows in {clock.Elapsed.TotalSeconds:0.0} s"));
        }

        return written;
    }
}
