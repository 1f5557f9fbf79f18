namespace Cedule.Samples;

/// <summary>A school of the generated board.</summary>
/// <param name="Code">Its code (<c>E001</c>).</param>
/// <param name="Name">Its name.</param>
/// <param name="Order"><c>primaire</c> or <c>secondaire</c>.</param>
/// <param name="City">Its city.</param>
public sealed record School(string Code, string Name, string Order, string City);

/// <summary>A student of the generated board.</summary>
/// <param name="Id">The student's number (<c>fiche</c>).</param>
/// <param name="School">The school attended.</param>
/// <param name="Grade">Grade (1–6 in primary, 1–5 in secondary).</param>
/// <param name="LastName">Family name.</param>
/// <param name="FirstName">Given name.</param>
/// <param name="Gender"><c>F</c> or <c>M</c>.</param>
/// <param name="BirthDate">Birth date.</param>
/// <param name="AbsenceRate">The probability of being absent on a school day.</param>
/// <param name="LeftAfterDay">The index of the last school day attended when the student left during the year, else null.</param>
public sealed record Student(long Id, School School, int Grade, string LastName, string FirstName, string Gender, DateOnly BirthDate, double AbsenceRate, int? LeftAfterDay);

/// <summary>A staff member and where they work.</summary>
/// <param name="Id">Employee number (<c>matricule</c>).</param>
/// <param name="School">The school of the assignment.</param>
/// <param name="Job"><c>enseignant</c>, <c>professionnel</c> or <c>soutien</c>.</param>
/// <param name="Fte">Full-time equivalent of the assignment.</param>
/// <param name="LastName">Family name.</param>
/// <param name="FirstName">Given name.</param>
/// <param name="HireDate">Hire date.</param>
public sealed record Employee(string Id, School School, string Job, decimal Fte, string LastName, string FirstName, DateOnly HireDate);

/// <summary>One attendance row: a student on a school day.</summary>
/// <param name="StudentId">The student.</param>
/// <param name="SchoolCode">The school.</param>
/// <param name="Day">The day.</param>
/// <param name="Status"><c>P</c> present, <c>A</c> absent, <c>R</c> late.</param>
/// <param name="Reason">For an absence: <c>MAL</c> (illness), <c>RV</c> (appointment), <c>SANS</c> (unexplained).</param>
public readonly record struct Attendance(long StudentId, string SchoolCode, DateOnly Day, string Status, string? Reason);

/// <summary>One result: a student's mark in a subject for a term.</summary>
/// <param name="StudentId">The student.</param>
/// <param name="Subject">Subject code.</param>
/// <param name="Term">Term (1–3).</param>
/// <param name="Mark">Mark out of 100.</param>
public readonly record struct Result(long StudentId, string Subject, int Term, int Mark);

/// <summary>
/// A deterministic school board: schools, students, staff, and the attendance, results and
/// diplomas they imply, for the 2024–2025 school year. The same <see cref="SampleSpec"/> always
/// gives the same rows, so tests can compute the dashboards' numbers from this class and compare.
/// </summary>
public sealed class SchoolBoard
{
    /// <summary>The school year (<c>annee</c>), 2024 for 2024–2025.</summary>
    public const int Year = 2024;

    private static readonly string[] LastNames = ["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette", "Girard", "Simard", "Boucher"];
    private static readonly string[] FirstNames = ["Léa", "Emma", "Alice", "Florence", "Olivia", "Zoé", "Charlotte", "Rosalie", "William", "Liam", "Thomas", "Noah", "Jacob", "Édouard", "Arthur", "Félix", "Nathan", "Éloïse", "Mia", "Raphaël"];
    private static readonly string[] Cities = ["Québec", "Lévis", "Trois-Rivières", "Sherbrooke", "Gatineau", "Saguenay", "Rimouski"];
    /// <summary>Jobs, with the number of students per full-time equivalent.</summary>
    private static readonly (string Job, int StudentsPer)[] Jobs = [("enseignant", 14), ("professionnel", 80), ("soutien", 45)];

    private static readonly string[] PrimarySubjects = ["FRA", "MAT", "ANG", "SCI"];
    private static readonly string[] SecondarySubjects = ["FRA", "MAT", "ANG", "HIS"];

    /// <summary>Subjects: code, description, order of teaching.</summary>
    public static IReadOnlyList<(string Code, string Description, string Order)> Subjects { get; } =
    [
        ("FRA", "Français", "tous"),
        ("MAT", "Mathématique", "tous"),
        ("ANG", "Anglais", "tous"),
        ("SCI", "Science et technologie", "primaire"),
        ("HIS", "Histoire du Québec et du Canada", "secondaire"),
    ];

    /// <summary>Generates the board of <paramref name="spec"/>.</summary>
    public SchoolBoard(SampleSpec spec)
    {
        Spec = spec ?? throw new ArgumentNullException(nameof(spec));
        Days = SchoolDaysFrom(new DateOnly(Year, 8, 29), spec.SchoolDays);
        Schools = [.. Enumerable.Range(1, spec.Schools).Select(i =>
        {
            var order = i % 10 < 7 ? "primaire" : "secondaire";
            return new School($"E{i:000}", $"École {(order == "primaire" ? "primaire" : "secondaire")} {LastNames[i % LastNames.Length]}-{i}", order, Cities[i % Cities.Length]);
        })];
        Students = [.. Enumerable.Range(0, spec.Students).Select(MakeStudent)];
        Employees = [.. MakeEmployees()];
    }

    /// <summary>The spec this board was generated from.</summary>
    public SampleSpec Spec { get; }

    /// <summary>School days, in order.</summary>
    public IReadOnlyList<DateOnly> Days { get; }

    /// <summary>The schools.</summary>
    public IReadOnlyList<School> Schools { get; }

    /// <summary>The students.</summary>
    public IReadOnlyList<Student> Students { get; }

    /// <summary>The staff.</summary>
    public IReadOnlyList<Employee> Employees { get; }

    /// <summary>The date a student left, when they did.</summary>
    public DateOnly? LeftOn(Student student) => student.LeftAfterDay is { } day ? Days[day] : null;

    /// <summary>Every attendance row: each student, each school day until they left.</summary>
    public IEnumerable<Attendance> Attendance()
    {
        foreach (var student in Students)
        {
            var random = SplitMix64.For(Spec.Seed, "presences", student.Id);
            var last = student.LeftAfterDay ?? Days.Count - 1;
            for (var d = 0; d <= last; d++)
            {
                var draw = random.NextDouble();
                var reasonDraw = random.NextDouble();
                if (draw < student.AbsenceRate)
                {
                    var reason = reasonDraw < 0.5 ? "MAL" : reasonDraw < 0.7 ? "RV" : "SANS";
                    yield return new Attendance(student.Id, student.School.Code, Days[d], "A", reason);
                }
                else
                {
                    yield return new Attendance(student.Id, student.School.Code, Days[d], draw < student.AbsenceRate + 0.01 ? "R" : "P", null);
                }
            }
        }
    }

    /// <summary>Every mark: each student, each subject of their order, terms 1 to 3 (students who left have term 1 only).</summary>
    public IEnumerable<Result> Results()
    {
        foreach (var student in Students)
        {
            var random = SplitMix64.For(Spec.Seed, "resultats", student.Id);
            var subjects = student.School.Order == "primaire" ? PrimarySubjects : SecondarySubjects;
            var terms = student.LeftAfterDay is null ? 3 : 1;
            foreach (var subject in subjects)
            {
                for (var term = 1; term <= terms; term++)
                {
                    var mark = (int)Math.Round(Math.Clamp(random.Normal(74, 11) - (60 * student.AbsenceRate), 0, 100), MidpointRounding.AwayFromZero);
                    yield return new Result(student.Id, subject, term, mark);
                }
            }
        }
    }

    /// <summary>Students of secondary 5 who obtained their diploma (DES) in June.</summary>
    public IEnumerable<Student> Graduates() => Students.Where(s =>
        s.School.Order == "secondaire" && s.Grade == 5 && s.LeftAfterDay is null
        && SplitMix64.For(Spec.Seed, "diplome", s.Id).NextDouble() < 0.9 - (1.5 * s.AbsenceRate));

    private Student MakeStudent(int index)
    {
        var random = SplitMix64.For(Spec.Seed, "eleve", index);
        var school = Schools[random.Below(Schools.Count)];
        var grade = 1 + random.Below(school.Order == "primaire" ? 6 : 5);
        var age = (school.Order == "primaire" ? 5 : 11) + grade;
        var birth = new DateOnly(Year - age, 1, 1).AddDays(random.Below(365));
        var kind = random.NextDouble();
        var rate = kind < 0.02 ? 0.30 : kind < 0.10 ? 0.12 : 0.03;
        int? left = random.NextDouble() < 0.05 ? 10 + random.Below(Spec.SchoolDays - 20) : null;
        return new Student(1_000_000 + index, school, grade, LastNames[random.Below(LastNames.Length)], FirstNames[random.Below(FirstNames.Length)],
            random.NextDouble() < 0.5 ? "F" : "M", birth, rate, left);
    }

    private IEnumerable<Employee> MakeEmployees()
    {
        var n = 0;
        foreach (var school in Schools)
        {
            var enrolled = Students.Count(s => s.School == school);
            var random = SplitMix64.For(Spec.Seed, "personnel", n);
            foreach (var (job, ratio) in Jobs)
            {
                var count = Math.Max(1, enrolled / ratio);
                for (var i = 0; i < count; i++)
                {
                    var fte = random.NextDouble() < 0.8 ? 1.0m : 0.5m;
                    yield return new Employee($"M{++n:00000}", school, job, fte, LastNames[random.Below(LastNames.Length)], FirstNames[random.Below(FirstNames.Length)],
                        new DateOnly(2000 + random.Below(24), 1 + random.Below(12), 1));
                }
            }
        }
    }

    /// <summary>Weekdays from <paramref name="start"/>, without Québec's holidays and the two school breaks.</summary>
    private static List<DateOnly> SchoolDaysFrom(DateOnly start, int count)
    {
        var closed = new HashSet<DateOnly>
        {
            new(2024, 9, 2), new(2024, 10, 14), new(2025, 4, 18), new(2025, 4, 21), new(2025, 5, 19),
        };
        var days = new List<DateOnly>(count);
        for (var day = start; days.Count < count; day = day.AddDays(1))
        {
            var winterBreak = day >= new DateOnly(2024, 12, 23) && day <= new DateOnly(2025, 1, 3);
            var springBreak = day >= new DateOnly(2025, 3, 3) && day <= new DateOnly(2025, 3, 7);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !closed.Contains(day) && !winterBreak && !springBreak)
            {
                days.Add(day);
            }
        }

        return days;
    }
}
