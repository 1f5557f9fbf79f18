using Cedule.Core.Execution.Adapters;

namespace Cedule.Core.Execution.Seeds.Internal;

/// <summary>
/// The types a column's values so far all fit, as agate's TypeTester keeps them: each value rules
/// out the types it does not parse as, and the column takes the first type left in dbt's order
/// (number, date, timestamp, ISO timestamp, boolean), else text.
/// </summary>
internal sealed class ColumnInference
{
    private bool _number = true;
    private bool _integer = true;
    private bool _date = true;
    private bool _spaceTimestamp = true;
    private bool _isoTimestamp = true;
    private bool _boolean = true;
    private bool _seenValue;

    public void Observe(ReadOnlySpan<char> value)
    {
        _seenValue = true;
        if (!(_number || _date || _spaceTimestamp || _isoTimestamp || _boolean))
        {
            return;
        }

        if (_number)
        {
            _number = SeedValues.IsNumber(value, out var integer);
            _integer &= integer;
        }

        _date = _date && SeedValues.IsDate(value);
        _spaceTimestamp = _spaceTimestamp && SeedValues.IsSpaceTimestamp(value);
        _isoTimestamp = _isoTimestamp && SeedValues.IsIsoTimestamp(value);
        _boolean = _boolean && SeedValues.IsBoolean(value);
    }

    /// <summary>The column's type; a column with no value at all is text.</summary>
    public ValueKind Kind =>
        !_seenValue ? ValueKind.Text
        : _number ? (_integer ? ValueKind.Integer : ValueKind.Decimal)
        : _date ? ValueKind.Date
        : _spaceTimestamp || _isoTimestamp ? ValueKind.Timestamp
        : _boolean ? ValueKind.Boolean
        : ValueKind.Text;
}
