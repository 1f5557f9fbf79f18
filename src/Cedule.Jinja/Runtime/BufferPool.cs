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

    // A whole render's output is kept up to this size (2 MB of chars) for the next render.
    private const int MaxKeptRenderCapacity = 1024 * 1024;

    [ThreadStatic]
    private static StringBuilder?[]? pool;

    // The output buffer of top-level renders on this thread: a render that builds a large result
    // otherwise allocates the builder's chunks and then copies them into the string, twice the
    // result's size in garbage (on the large-object heap for big outputs).
    [ThreadStatic]
    private static StringBuilder? renderBuffer;

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

    /// <summary>The thread's output buffer for a top-level render (a fresh one when a render is already using it).</summary>
    public static StringBuilder RentRenderBuffer()
    {
        var builder = renderBuffer;
        if (builder is null)
        {
            return new StringBuilder(256);
        }

        renderBuffer = null;
        return builder;
    }

    /// <summary>Keeps the buffer, emptied, for the next render unless it grew too large.</summary>
    public static void ReturnRenderBuffer(StringBuilder builder)
    {
        if (builder.Capacity <= MaxKeptRenderCapacity)
        {
            // Clear leaves a builder of several chunks as one chunk of the same capacity.
            builder.Clear();
            renderBuffer = builder;
        }
    }
}
