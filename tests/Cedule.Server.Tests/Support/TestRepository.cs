using System.Diagnostics;

namespace Cedule.Server.Tests.Support;

/// <summary>A real bare git repository in a temp folder, with a working clone that commits and pushes to it.</summary>
internal sealed class TestRepository : IDisposable
{
    private readonly string root;

    public TestRepository()
    {
        root = Directory.CreateTempSubdirectory("cedule-git-").FullName;
        BarePath = Path.Combine(root, "remote.git");
        WorkPath = Path.Combine(root, "work");
        Git(root, "init", "--bare", "--quiet", "--initial-branch=main", BarePath);
        Git(root, "init", "--quiet", "--initial-branch=main", WorkPath);
        Git(WorkPath, "remote", "add", "origin", BarePath);
    }

    /// <summary>The remote a project points at (a local path).</summary>
    public string BarePath { get; }

    public string WorkPath { get; }

    /// <summary>A small valid project: a staging model and a mart that refs it.</summary>
    public static IReadOnlyDictionary<string, string> ValidProject => new Dictionary<string, string>
    {
        ["dbt_project.yml"] = "name: ecole\nversion: '1.0'\nprofile: ecole\n",
        ["models/stg_eleves.sql"] = "select 1 as eleve_id, 'Tremblay' as nom\n",
        ["models/eleves.sql"] = "select eleve_id, nom\nfrom {{ ref('stg_eleves') }}\n",
    };

    public void Write(IReadOnlyDictionary<string, string> files)
    {
        foreach (var (path, content) in files)
        {
            var file = Path.Combine(WorkPath, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, content);
        }
    }

    public void Symlink(string path, string target) =>
        File.CreateSymbolicLink(Path.Combine(WorkPath, path), target);

    /// <summary>Commits everything and pushes <paramref name="branch"/>; returns the commit id.</summary>
    public string CommitAndPush(string message, string branch = "main")
    {
        Git(WorkPath, "add", "--all");
        Git(WorkPath, "commit", "--quiet", "-m", message);
        Git(WorkPath, "push", "--quiet", "origin", $"HEAD:refs/heads/{branch}");
        return Git(WorkPath, "rev-parse", "HEAD").Trim();
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static string Git(string dir, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Cedule Tests";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "tests@cedule.invalid";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"git {string.Join(' ', args)}: {error}");
    }
}
