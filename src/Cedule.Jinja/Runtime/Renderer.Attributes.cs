using Cedule.Jinja.Values;

namespace Cedule.Jinja.Runtime;

internal sealed partial class Renderer
{
    /// <inheritdoc />
    public object? GetAttribute(object? obj, string name)
    {
        switch (obj)
        {
            case Undefined undefined:
                throw undefined.Fail();
            case IJinjaObject jinjaObject:
                if (jinjaObject.TryGetAttribute(name, out var attribute))
                {
                    return attribute;
                }

                if (obj is IJinjaIndexable indexable && indexable.TryGetItem(name, out var item))
                {
                    return item;
                }

                break;
            default:
                if (PyMethods.TryGetAttribute(obj, name, out var value))
                {
                    return value;
                }

                if (PyOps.TryGetItem(obj, name, out value))
                {
                    return value;
                }

                break;
        }

        return MakeUndefined(NoAttributeHint(obj, name), name);
    }

    /// <inheritdoc />
    public object? GetItem(object? obj, object? key)
    {
        if (obj is Undefined undefined)
        {
            throw undefined.Fail();
        }

        if (PyOps.TryGetItem(obj, key, out var value))
        {
            return value;
        }

        if (key is string name)
        {
            if (obj is IJinjaObject jinjaObject)
            {
                if (jinjaObject.TryGetAttribute(name, out value))
                {
                    return value;
                }
            }
            else if (PyMethods.TryGetAttribute(obj, name, out value))
            {
                return value;
            }

            return MakeUndefined(NoAttributeHint(obj, name), name);
        }

        return MakeUndefined($"{ObjectTypeRepr(obj, quoted: false)} has no element {PyOps.Repr(key)}");
    }

    /// <summary>
    /// The message of a missing attribute, built once per type and name in a render: a missing key
    /// read in a loop (<c>row.email | default('n/a')</c>) would otherwise build it on every row.
    /// </summary>
    private string NoAttributeHint(object? obj, string name)
    {
        var type = obj is null ? "None" : PyOps.TypeName(obj);
        var key = (type, name);
        noAttributeHints ??= new Dictionary<(string, string), string>();
        if (!noAttributeHints.TryGetValue(key, out var hint))
        {
            hint = $"{ObjectTypeRepr(obj, quoted: true)} has no attribute '{name}'";
            if (noAttributeHints.Count < 256)
            {
                noAttributeHints[key] = hint;
            }
        }

        return hint;
    }

    /// <summary>Jinja2's <c>object_type_repr</c>: <c>'dict object'</c>, <c>'None'</c>.</summary>
    private static string ObjectTypeRepr(object? obj, bool quoted)
    {
        var text = obj is null ? "None" : PyOps.TypeName(obj) + " object";
        return quoted ? "'" + text + "'" : text;
    }
}
