using System.Globalization;
using System.Text.Json;
using Fluid.Values;

namespace Cedule.Bench;

/// <summary>
/// Converts the benchmark's JSON data into Fluid's own values once, so that Fluid reads
/// pre-built <see cref="FluidValue"/>s (its fastest path) rather than wrapping .NET objects on
/// every access.
/// </summary>
internal static class FluidJson
{
    public static FluidValue ToFluid(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new Dictionary<string, FluidValue>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    map[property.Name] = ToFluid(property.Value);
                }

                return new DictionaryValue(new FluidValueDictionaryFluidIndexable(map));
            case JsonValueKind.Array:
                var items = new List<FluidValue>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    items.Add(ToFluid(item));
                }

                return new ArrayValue(items);
            case JsonValueKind.String:
                return new StringValue(element.GetString()!);
            case JsonValueKind.Number:
                return NumberValue.Create(decimal.Parse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture));
            case JsonValueKind.True:
                return BooleanValue.True;
            case JsonValueKind.False:
                return BooleanValue.False;
            default:
                return NilValue.Instance;
        }
    }
}
