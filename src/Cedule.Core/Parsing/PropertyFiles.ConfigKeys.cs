using Cedule.Core.Configs;
using Cedule.Core.Diagnostics;
using Cedule.Core.Yaml;

namespace Cedule.Core.Parsing;

/// <summary>Warns about <c>config:</c> keys no dbt resource reads (see <see cref="KnownConfigKeys"/>), at the key's line and column.</summary>
internal sealed partial class PropertyFiles
{
    /// <summary>Checks an entry's <c>config:</c>, its versions' and columns' tests' configs.</summary>
    private void CheckConfigKeys(string resourceType, YamlMapping entry)
    {
        CheckConfig(resourceType, entry["config"]);
        CheckTests(entry);
        foreach (var column in Items(entry["columns"]))
        {
            CheckTests(column);
        }

        foreach (var version in Items(entry["versions"]))
        {
            CheckConfig(resourceType, version["config"]);
            CheckTests(version);
            foreach (var column in Items(version["columns"]))
            {
                CheckTests(column);
            }
        }
    }

    private void CheckTests(YamlMapping owner)
    {
        foreach (var key in (string[])["data_tests", "tests"])
        {
            foreach (var test in Items(owner[key]))
            {
                // `- unique: {config: ...}` or `- test_name: unique \n config: ...`
                CheckConfig("test", test["config"]);
                if (test.Entries.Count == 1 && test.Entries[0].Value is YamlMapping arguments)
                {
                    CheckConfig("test", arguments["config"]);
                }
            }
        }
    }

    private void CheckConfig(string resourceType, YamlNode? config)
    {
        if (config is not YamlMapping mapping)
        {
            return;
        }

        foreach (var (key, _) in mapping.Entries)
        {
            var name = ConfigMerge.NormalizeKey(key.Text);
            if (!KnownConfigKeys.IsKnown(resourceType, name))
            {
                parser.Report(Diagnostic.Warning(DiagnosticCodes.UnknownConfigKey,
                    $"'{name}' is not a {resourceType.Replace('_', ' ')} config that dbt or a known adapter reads: it is kept, but does nothing unless a macro reads it (a typo? custom values belong under 'meta')",
                    key.Location));
            }
        }
    }

    private static IEnumerable<YamlMapping> Items(YamlNode? node) =>
        node is YamlSequence sequence ? sequence.Items.OfType<YamlMapping>() : [];
}
