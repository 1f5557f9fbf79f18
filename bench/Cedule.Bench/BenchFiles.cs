namespace Cedule.Bench;

/// <summary>
/// Where the templates, the data and the Jinja2 peer script are: copied beside the executable
/// by the project file, so the benchmark runs the same from any working directory and from any
/// artifacts path.
/// </summary>
internal static class BenchFiles
{
    public static string Root { get; } = AppContext.BaseDirectory;

    public static string Templates { get; } = Path.Combine(Root, "templates");

    public static string PeerScript { get; } = Path.Combine(Root, "jinja2_peer.py");

    public static string Template(string fileName) => File.ReadAllText(Path.Combine(Templates, fileName));
}
