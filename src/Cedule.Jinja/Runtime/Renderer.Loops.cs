using System.Text;
using Cedule.Jinja.Syntax.Ast;
using Cedule.Jinja.Values;

namespace Cedule.Jinja.Runtime;

internal sealed partial class Renderer
{
    private Flow ExecFor(ForStmt stmt, Scope scope, StringBuilder output)
    {
        return RunLoop(stmt, Eval(stmt.Iterable, scope), scope, output, 0);
    }

    internal string RenderRecursiveLoop(ForStmt stmt, object? iterable, Scope outerScope, int depth0)
    {
        EnterCall();
        try
        {
            var output = BufferPool.Rent();
            RunLoop(stmt, iterable, outerScope, output, depth0);
            return BufferPool.ToStringAndReturn(output);
        }
        finally
        {
            LeaveCall();
        }
    }

    /// <summary>Runs a loop; the result is the flow of its <c>else</c> body, which belongs to the enclosing loop.</summary>
    private Flow RunLoop(ForStmt stmt, object? iterable, Scope outer, StringBuilder output, int depth0)
    {
        var reused = TakeLoopState(stmt);
        Scope loopScope;
        if (reused is not null)
        {
            loopScope = reused.Scope;
            loopScope.Rebind(outer.Frame, outer.Template, outer);
        }
        else
        {
            // Room for exactly the targets and `loop`, the names every iteration sets.
            var names = stmt.Target.Kind == TargetKind.Tuple ? stmt.Target.Items.Length : 1;
            loopScope = new Scope(outer.Frame, outer.Template, outer, stmt.UsesLoop ? names + 1 : names);
        }

        var iterated = false;
        if (!stmt.UsesLoop && stmt.Filter is null && iterable is List<object?> list)
        {
            // Indexing (not an enumerator) sees items appended by the body, as Python does.
            for (var i = 0; i < list.Count; i++)
            {
                Step();
                loopScope.Clear();
                Assign(stmt.Target, list[i], loopScope);
                var flow = ExecBody(stmt.Body, loopScope, output);
                if (flow == Flow.Break)
                {
                    break;
                }

                iterated |= flow == Flow.Normal;
            }
        }
        else if (!stmt.UsesLoop && stmt.Filter is null)
        {
            foreach (var item in iterable is PyRange range ? range.Unmetered() : PyOps.Iterate(iterable))
            {
                Step();
                loopScope.Clear();
                Assign(stmt.Target, item, loopScope);
                var flow = ExecBody(stmt.Body, loopScope, output);
                if (flow == Flow.Break)
                {
                    break;
                }

                // Jinja2 marks the loop as iterated only when a body runs to its end.
                iterated |= flow == Flow.Normal;
            }
        }
        else
        {
            // A reusable loop snapshots a list into the buffer its previous run used.
            IReadOnlyList<object?> items = reused is not null && stmt.Filter is null && iterable is List<object?> source
                ? reused.Snapshot(source)
                : Materialize(stmt, iterable, loopScope);
            LoopContext loop;
            if (reused?.Loop is { } previous)
            {
                loop = previous;
                loop.Reset(items, depth0, outer);
            }
            else
            {
                loop = new LoopContext(items, depth0, stmt.Recursive ? stmt : null, outer, strict);
            }

            reused ??= stmt.StateReusable ? new LoopState(loopScope) : null;
            if (reused is not null)
            {
                reused.Loop = loop;
            }

            for (var i = 0; i < items.Count; i++)
            {
                Step();
                loop.Index0 = i;
                loopScope.Clear();
                Assign(stmt.Target, items[i], loopScope);
                loopScope.Set("loop", loop);
                var flow = ExecBody(stmt.Body, loopScope, output);
                if (flow == Flow.Break)
                {
                    break;
                }

                iterated |= flow == Flow.Normal;
            }
        }

        if (stmt.StateReusable)
        {
            ReturnLoopState(stmt, reused ?? new LoopState(loopScope));
        }

        return !iterated && stmt.Else is not null
            ? ExecBody(stmt.Else, new Scope(outer.Frame, outer.Template, outer), output)
            : Flow.Normal;
    }

    /// <summary>The items of a loop that needs its length or neighbours, after its <c>if</c> filter.</summary>
    private IReadOnlyList<object?> Materialize(ForStmt stmt, object? iterable, Scope loopScope)
    {
        if (stmt.Filter is null)
        {
            return iterable switch
            {
                List<object?> list => list.ToArray(),
                PyTuple tuple => tuple,
                PyRange range => range,
                _ => PyOps.ToList(iterable),
            };
        }

        var kept = new List<object?>();
        foreach (var item in PyOps.Iterate(iterable))
        {
            Step();
            loopScope.Clear();
            Assign(stmt.Target, item, loopScope);
            if (PyOps.IsTrue(Eval(stmt.Filter, loopScope)))
            {
                kept.Add(item);
            }
        }

        return kept;
    }
    /// <summary>
    /// The scope and <c>loop</c> object a previous run of <paramref name="stmt"/> left, if its body
    /// cannot have kept them (<see cref="ForStmt.StateReusable"/>): an inner loop then allocates
    /// nothing per run of the outer loop. Taken out while in use, so a loop re-entered during its
    /// own run (a macro that loops and calls itself) gets fresh state.
    /// </summary>
    private LoopState? TakeLoopState(ForStmt stmt)
    {
        if (!stmt.StateReusable || loopStates is null || !loopStates.Remove(stmt, out var state))
        {
            return null;
        }

        return state;
    }

    private void ReturnLoopState(ForStmt stmt, LoopState state)
    {
        loopStates ??= new Dictionary<ForStmt, LoopState>(ReferenceEqualityComparer.Instance);
        loopStates[stmt] = state;
    }

    /// <summary>What one run of a loop leaves for the next.</summary>
    private sealed class LoopState(Scope scope)
    {
        private LoopItems? items;

        public Scope Scope { get; } = scope;

        public LoopContext? Loop { get; set; }

        /// <summary>The same copy of the list that <c>ToArray</c> gives, in a buffer kept between runs.</summary>
        public LoopItems Snapshot(List<object?> list)
        {
            items ??= new LoopItems();
            items.Fill(list);
            return items;
        }
    }

    /// <summary>A fixed copy of a loop's items (what <c>loop.length</c>, <c>nextitem</c> and <c>last</c> see).</summary>
    private sealed class LoopItems : IReadOnlyList<object?>
    {
        private object?[] buffer = [];
        private int count;

        public int Count => count;

        public object? this[int index] => (uint)index < (uint)count ? buffer[index] : throw new ArgumentOutOfRangeException(nameof(index));

        public void Fill(List<object?> list)
        {
            if (buffer.Length < list.Count)
            {
                buffer = new object?[Math.Max(list.Count, 4)];
            }
            else if (count > list.Count)
            {
                Array.Clear(buffer, list.Count, count - list.Count);
            }

            list.CopyTo(buffer);
            count = list.Count;
        }

        public IEnumerator<object?> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return buffer[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
