using System.Numerics;

namespace Cedule.Jinja.Values;

public static partial class PyMethods
{
    private static void RegisterNumberMethods(Dictionary<string, MethodImpl> ints, Dictionary<string, MethodImpl> floats)
    {
        ints["bit_length"] = static (_, s, a) => NoArgs(a, "int.bit_length", PyOps.Box((long)BigInteger.Abs(PyOps.ToBig(s)).GetBitLength()));
        ints["conjugate"] = static (_, s, a) => NoArgs(a, "int.conjugate", PyOps.Plus(s)!);
        floats["is_integer"] = static (_, s, a) => NoArgs(a, "float.is_integer", PyOps.Box(double.IsFinite((double)s) && Math.Floor((double)s) == (double)s));
        floats["conjugate"] = static (_, s, a) => NoArgs(a, "float.conjugate", s);
    }
}
