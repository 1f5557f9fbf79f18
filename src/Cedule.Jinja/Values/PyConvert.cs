using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cedule.Jinja.Values;

/// <summary>Turns values coming from .NET hosts into the canonical representation (see <c>Values/README.md</c>).</summary>
public static class PyConvert
{
    /// <summary>
    /// Converts a host value: small integer types become <see cref="long"/>, <see cref="float"/>
    /// becomes <see cref="double"/>, a <see cref="decimal"/> becomes a long when written without
    /// a fraction and a double otherwise, string-keyed dictionaries become <see cref="PyDict"/>,
    /// arrays and lists become <c>List&lt;object?&gt;</c> (deeply), JSON values become their
    /// Python counterparts. Canonical values and anything else are returned as they are.
    /// </summary>
    public static object? FromDotNet(object? value)
    {
        switch (value)
        {
            case null or string or bool or long or double or BigInteger or PyDict or PyTuple or List<object?>
                or Undefined or IJinjaObject or IJinjaCallable:
                return value;
            case int i:
                return PyOps.Box(i);
            case short s:
                return PyOps.Box(s);
            case byte b:
                return PyOps.Box(b);
            case sbyte sb:
                return PyOps.Box(sb);
            case ushort us:
                return PyOps.Box(us);
            case uint ui:
                return PyOps.Box(ui);
            case ulong ul:
                return ul <= long.MaxValue ? PyOps.Box((long)ul) : new BigInteger(ul);
            case float f:
                return (double)f;
            case decimal m:
                return m.Scale == 0 ? PyOps.Normalize(new BigInteger(m)) : (double)m;
            case char c:
                return c.ToString();
            case Half h:
                return (double)h;
            case Int128 big:
                return PyOps.Normalize((BigInteger)big);
            case JsonElement element:
                return FromJson(element);
            case JsonNode node:
                return FromJsonNode(node);
            case IDictionary<string, object?> map:
                return FromPairs(map, map.Count);
            case IReadOnlyDictionary<string, object?> map:
                return FromPairs(map, map.Count);
            case IDictionary dictionary:
                var dict = new PyDict(dictionary.Count);
                foreach (DictionaryEntry entry in dictionary)
                {
                    dict[FromDotNet(entry.Key)] = FromDotNet(entry.Value);
                }

                return dict;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                return FromPairs(pairs, 0);
            case IList list:
                var result = new List<object?>(list.Count);
                foreach (var item in list)
                {
                    result.Add(FromDotNet(item));
                }

                return result;
            default:
                return value.GetType().IsGenericType && IsStringKeyedDictionary(value, out var converted) ? converted : value;
        }
    }

    private static PyDict FromPairs(IEnumerable<KeyValuePair<string, object?>> pairs, int count)
    {
        var dict = new PyDict(count);
        foreach (var pair in pairs)
        {
            dict[pair.Key] = FromDotNet(pair.Value);
        }

        return dict;
    }

    // IDictionary<string, T> for a T other than object? is not covariant: read it through IEnumerable.
    private static bool IsStringKeyedDictionary(object value, out object? converted)
    {
        converted = null;
        foreach (var type in value.GetType().GetInterfaces())
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>)
                && type.GetGenericArguments()[0] == typeof(string))
            {
                var dict = new PyDict();
                foreach (var item in (IEnumerable)value)
                {
                    var itemType = item!.GetType();
                    var key = itemType.GetProperty("Key")!.GetValue(item);
                    dict[key] = FromDotNet(itemType.GetProperty("Value")!.GetValue(item));
                }

                converted = dict;
                return true;
            }
        }

        return false;
    }

    /// <summary>Converts a parsed JSON value: objects to <see cref="PyDict"/>, arrays to lists, integers to long (or BigInteger), other numbers to double.</summary>
    public static object? FromJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var dict = new PyDict();
                foreach (var property in element.EnumerateObject())
                {
                    dict[property.Name] = FromJson(property.Value);
                }

                return dict;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(FromJson(item));
                }

                return list;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return ParseJsonNumber(element.GetRawText());
            case JsonValueKind.True:
                return PyOps.Box(true);
            case JsonValueKind.False:
                return PyOps.Box(false);
            default:
                return null;
        }
    }

    private static object? FromJsonNode(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                var dict = new PyDict(obj.Count);
                foreach (var pair in obj)
                {
                    dict[pair.Key] = pair.Value is null ? null : FromJsonNode(pair.Value);
                }

                return dict;
            case JsonArray array:
                var list = new List<object?>(array.Count);
                foreach (var item in array)
                {
                    list.Add(item is null ? null : FromJsonNode(item));
                }

                return list;
            default:
                return node.GetValueKind() switch
                {
                    JsonValueKind.String => node.GetValue<string>(),
                    JsonValueKind.Number => ParseJsonNumber(node.ToJsonString()),
                    JsonValueKind.True => PyOps.Box(true),
                    JsonValueKind.False => PyOps.Box(false),
                    _ => null,
                };
        }
    }

    private static BigInteger ParseBigJsonInt(string text)
    {
        var negative = text.StartsWith('-');
        var magnitude = PyIntText.Parse(text.AsSpan(negative ? 1 : 0), 10);
        return negative ? -magnitude : magnitude;
    }

    /// <summary>A JSON number as Python's json module reads it: an int when written without fraction or exponent.</summary>
    internal static object ParseJsonNumber(string text)
    {
        if (text.AsSpan().IndexOfAny('.', 'e', 'E') < 0)
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                ? PyOps.Box(l)
                : PyOps.Normalize(ParseBigJsonInt(text));
        }

        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
