namespace Cedule.Core.Selection;

/// <summary>A set of node numbers as a flag array: the graph is numbered densely, so set operations are linear scans without hashing.</summary>
internal static class NodeSet
{
    public static bool[] Copy(bool[] set) => (bool[])set.Clone();

    public static void UnionWith(bool[] target, bool[] other)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] |= other[i];
        }
    }

    public static void IntersectWith(bool[] target, bool[] other)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] &= other[i];
        }
    }

    public static void ExceptWith(bool[] target, bool[] other)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] &= !other[i];
        }
    }

    public static bool IsEmpty(bool[] set) => Array.IndexOf(set, true) < 0;

    public static IEnumerable<int> Members(bool[] set)
    {
        for (var i = 0; i < set.Length; i++)
        {
            if (set[i])
            {
                yield return i;
            }
        }
    }
}
