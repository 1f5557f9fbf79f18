using System.Text;

namespace Cedule.Jinja.Runtime;

/// <summary>
/// Reuses the <see cref="StringBuilder"/>s that macro bodies, call, set and filter blocks and
/// <c>~</c> render into: without it each macro call allocates a builder and its chunks before
/// the one string it returns. Per thread, so renders never share a builder; a builder is owned
/// by whoever rented it until it is returned, and a builder lost to an exception is just garbage.
/// </summary>
internal static class BufferPool
{
    // Large builders are dropped rather than kept: one huge macro output must not pin memory.
    private const int MaxKeptCapacity = 16 * 1024;
    private const int Slots = 8;

    [ThreadStatic]
    private static StringBuilder?[]? pool;

    [ThreadStatic]
    private static int count;

    public static StringBuilder Rent()
    {
        var items = pool;
        if (items is not null && count > 0)
        {
            var index = --count;
            var builder = items[index]!;
            items[index] = null;
            return builder;
        }

        return new StringBuilder(256);
    }

    /// <summary>The builder's text; the builder goes back to the pool.</summary>
    public static string ToStringAndReturn(StringBuilder builder)
    {
        var text = builder.ToString();
        Return(builder);
        return text;
    }

    public static void Return(StringBuilder builder)
    {
        if (builder.Capacity > MaxKeptCapacity)
        {
            return;
        }

        var items = pool ??= new StringBuilder?[Slots];
        if (count < items.Length)
        {
            builder.Clear();
            items[count++] = builder;
        }
    }
}
