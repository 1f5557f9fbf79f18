using System.Text.Json;
using Cedule.Jinja.Values;

namespace Cedule.Core.Manifest;

/// <summary>Writes template values (None, bool, int, float, str, dict, list) as JSON, for the manifest and <c>tojson</c>.</summary>
internal static class JsonValues
{
    public static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null or Undefined:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(d);
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case PyDict dict:
                json.WriteStartObject();
                foreach (var (k, v) in dict)
                {
                    json.WritePropertyName(PyOps.ToStr(k));
                    Write(json, v);
                }

                json.WriteEndObject();
                break;
            case IEnumerable<object?> items:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    Write(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(PyOps.ToStr(value));
                break;
        }
    }
}
