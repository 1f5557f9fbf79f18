namespace Cedule.Jinja.Values;

/// <summary>
/// Python's stable <c>list.sort</c>: it only ever asks "a &lt; b", in the order CPython's timsort
/// asks for small lists, so TypeErrors name the operands as Python does.
/// </summary>
internal static class PySort
{
    /// <summary>Pays for sorting <paramref name="count"/> items: about n log2 n comparisons, each a Python-semantics compare.</summary>
    public static void Charge(IRuntime? runtime, int count) =>
        PyOps.Charge(runtime, (long)count * Math.Max(1, System.Numerics.BitOperations.Log2((uint)count)));

    private const int MinMerge = 64;

    /// <summary>Sorts <paramref name="items"/> in place, stably; <paramref name="reverse"/> keeps equal items in their original order, as Python does.</summary>
    public static void Sort(List<object?> items, Func<object?, object?, bool> lessThan, bool reverse = false)
    {
        var array = items.ToArray();
        Sort(array, lessThan, reverse);
        for (var i = 0; i < array.Length; i++)
        {
            items[i] = array[i];
        }
    }

    /// <summary>Sorts an array in place, stably.</summary>
    public static void Sort<T>(T[] items, Func<T, T, bool> lessThan, bool reverse = false)
    {
        if (reverse)
        {
            Array.Reverse(items);
        }

        var n = items.Length;
        if (n >= 2)
        {
            var minRun = ComputeMinRun(n);
            var runs = new List<(int Start, int Length)>();
            var lo = 0;
            while (lo < n)
            {
                var runLength = CountRun(items, lo, n, lessThan, out var descending);
                if (descending)
                {
                    Array.Reverse(items, lo, runLength);
                }

                if (runLength < minRun)
                {
                    var force = Math.Min(minRun, n - lo);
                    BinarySort(items, lo, lo + force, lo + runLength, lessThan);
                    runLength = force;
                }

                runs.Add((lo, runLength));
                lo += runLength;
            }

            MergeAll(items, runs, lessThan);
        }

        if (reverse)
        {
            Array.Reverse(items);
        }
    }

    private static int ComputeMinRun(int n)
    {
        var r = 0;
        while (n >= MinMerge)
        {
            r |= n & 1;
            n >>= 1;
        }

        return n + r;
    }

    private static int CountRun<T>(T[] a, int lo, int hi, Func<T, T, bool> lessThan, out bool descending)
    {
        descending = false;
        var i = lo + 1;
        if (i == hi)
        {
            return 1;
        }

        var n = 2;
        if (lessThan(a[i], a[i - 1]))
        {
            descending = true;
            for (i++; i < hi && lessThan(a[i], a[i - 1]); i++)
            {
                n++;
            }
        }
        else
        {
            for (i++; i < hi && !lessThan(a[i], a[i - 1]); i++)
            {
                n++;
            }
        }

        return n;
    }

    private static void BinarySort<T>(T[] a, int lo, int hi, int start, Func<T, T, bool> lessThan)
    {
        for (; start < hi; start++)
        {
            var l = lo;
            var r = start;
            var pivot = a[r];
            do
            {
                var p = l + ((r - l) >> 1);
                if (lessThan(pivot, a[p]))
                {
                    r = p;
                }
                else
                {
                    l = p + 1;
                }
            }
            while (l < r);

            Array.Copy(a, l, a, l + 1, start - l);
            a[l] = pivot;
        }
    }

    private static void MergeAll<T>(T[] a, List<(int Start, int Length)> runs, Func<T, T, bool> lessThan)
    {
        var buffer = new T[a.Length];
        while (runs.Count > 1)
        {
            var merged = new List<(int Start, int Length)>((runs.Count + 1) / 2);
            for (var i = 0; i + 1 < runs.Count; i += 2)
            {
                var (s1, l1) = runs[i];
                var (_, l2) = runs[i + 1];
                Merge(a, buffer, s1, s1 + l1, s1 + l1 + l2, lessThan);
                merged.Add((s1, l1 + l2));
            }

            if (runs.Count % 2 == 1)
            {
                merged.Add(runs[^1]);
            }

            runs = merged;
        }
    }

    private static void Merge<T>(T[] a, T[] buffer, int lo, int mid, int hi, Func<T, T, bool> lessThan)
    {
        Array.Copy(a, lo, buffer, lo, mid - lo);
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi)
        {
            // Take from the right run only when strictly smaller: that keeps the sort stable.
            a[k++] = lessThan(a[j], buffer[i]) ? a[j++] : buffer[i++];
        }

        while (i < mid)
        {
            a[k++] = buffer[i++];
        }
    }
}
