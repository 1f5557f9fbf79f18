using System.Runtime.CompilerServices;

namespace Cedule.Jinja.Values;

/// <summary>
/// Bounds the recursion of walkers over values (repr, equality, ordering, hashing, JSON,
/// pprint). A list nested 100,000 deep at run time, or two lists that each contain themselves,
/// would otherwise overflow the .NET stack, which no handler can catch. Python stops such walks
/// at its recursion limit with <c>RecursionError</c>; we stop at about the same depth (earlier if
/// the thread's stack runs low) with <see cref="ErrorKind.RecursionLimit"/>.
/// </summary>
internal static class ValueRecursion
{
    /// <summary>The end of Python's message when repr recurses too deeply.</summary>
    public const string InRepr = "while getting the repr of an object";

    /// <summary>The end of Python's message when a comparison recurses too deeply.</summary>
    public const string InComparison = "in comparison";

    /// <summary>Python's default recursion limit.</summary>
    public const int MaxDepth = 1000;

    // Per thread because a walk never leaves its thread, and values have no owner to count on.
    [ThreadStatic]
    private static int t_depth;

    /// <summary>Counts one level; <paramref name="context"/> completes Python's message ("in comparison").</summary>
    public static void Enter(string context)
    {
        if (++t_depth > MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            t_depth--;
            throw new TemplateException(ErrorKind.RecursionLimit, "maximum recursion depth exceeded " + context);
        }
    }

    /// <summary>Ends a level counted by <see cref="Enter"/> (call it in a <c>finally</c>).</summary>
    public static void Leave() => t_depth--;

    /// <summary>Whether <paramref name="container"/> is on <paramref name="path"/>: met again inside itself.</summary>
    public static bool IsOnPath(List<object> path, object container)
    {
        foreach (var item in path)
        {
            if (ReferenceEquals(item, container))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Enters <paramref name="container"/>: one level deeper, and on the path of containers being walked.</summary>
    public static void Push(List<object> path, object container, string context)
    {
        Enter(context);
        path.Add(container);
    }

    /// <summary>Leaves the container that the last <see cref="Push"/> entered.</summary>
    public static void Pop(List<object> path)
    {
        path.RemoveAt(path.Count - 1);
        Leave();
    }
}
