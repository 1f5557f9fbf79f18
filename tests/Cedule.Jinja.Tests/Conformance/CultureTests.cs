using System.Globalization;

namespace Cedule.Jinja.Tests.Conformance;

/// <summary>
/// Numbers print as Python prints them whatever the host culture: these cases render under
/// fr-CA (decimal comma, narrow no-break space as group separator) and tr-TR (dotted and dotless i)
/// and must give Jinja2's output. scripts/test.sh also runs the whole project under fr-CA.
/// </summary>
public sealed class CultureTests
{
    [Theory]
    [InlineData("fr-CA", "{{ 0.3 }}", "0.3")]
    [InlineData("fr-CA", "{{ 1.5 }}", "1.5")]
    [InlineData("fr-CA", "{{ 0.1 + 0.2 }}", "0.30000000000000004")]
    [InlineData("fr-CA", "{{ '%.2f' % 2.5 }}", "2.50")]
    [InlineData("fr-CA", "{{ '{:,}'.format(1234567.5) }}", "1,234,567.5")]
    [InlineData("fr-CA", "{{ '{:,.2f}'.format(1234567.891) }}", "1,234,567.89")]
    [InlineData("fr-CA", "{{ 1e20 }} {{ 1.5e-7 }} {{ -0.0 }}", "1e+20 1.5e-07 -0.0")]
    [InlineData("fr-CA", "{{ '1.5'|float }} {{ '1,5'|float }}", "1.5 0.0")]
    [InlineData("fr-CA", "{{ 2.675|round(2) }} {{ 7|float }}", "2.67 7.0")]
    [InlineData("fr-CA", "{{ [1.5, 2.25]|sum }} {{ 3.5|string }} {{ [0.5]|tojson }}", "3.75 3.5 [0.5]")]
    [InlineData("fr-CA", "{{ 1234567|filesizeformat }} {{ 10 / 4 }}", "1.2 MB 2.5")]
    [InlineData("fr-CA", "{{ '%s %r %g' % (0.5, 0.25, 1234567.0) }}", "0.5 0.25 1.23457e+06")]
    [InlineData("tr-TR", "{{ 'title'|upper }} {{ 'TITLE'|lower }} {{ 'i'|capitalize }}", "TITLE title I")]
    [InlineData("tr-TR", "{{ 'IJ' == 'ij'|upper }} {{ 'item'|title }}", "True Item")]
    public void Render_NumberOrCaseUnderHostCulture_MatchesPython(string culture, string template, string expected)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var output = new Environment().FromString(template).Render(cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(expected, output);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}
