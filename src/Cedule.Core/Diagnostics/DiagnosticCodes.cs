namespace Cedule.Core.Diagnostics;

/// <summary>
/// Stable diagnostic codes, one range per subsystem, so that documentation, tests and users can
/// refer to a problem by number. Never reuse a retired number.
/// </summary>
public static class DiagnosticCodes
{
    // CED10xx: files and YAML.

    /// <summary>A YAML file is not valid YAML.</summary>
    public const string YamlSyntax = "CED1001";

    /// <summary>A YAML value has the wrong shape (a list where a mapping is expected, …).</summary>
    public const string YamlShape = "CED1002";

    /// <summary>A required file is missing.</summary>
    public const string MissingFile = "CED1003";

    // CED11xx: project configuration (dbt_project.yml, packages.yml, profiles.yml).

    /// <summary>dbt_project.yml lacks a required key or has an invalid value.</summary>
    public const string ProjectConfig = "CED1101";

    /// <summary>A config key that dbt does not know (a warning: it is kept in the node's config).</summary>
    public const string UnknownConfigKey = "CED1102";

    /// <summary>packages.yml or dependencies.yml is invalid.</summary>
    public const string PackagesConfig = "CED1103";

    /// <summary>A package cannot be installed or found.</summary>
    public const string PackageNotFound = "CED1104";

    /// <summary>profiles.yml is invalid or lacks the profile or target asked for.</summary>
    public const string ProfilesConfig = "CED1105";

    /// <summary>A folder path of dbt_project.yml's resource configs that matches no resource (a warning: often a typo).</summary>
    public const string UnusedConfigPath = "CED1106";

    // CED12xx: templates and nodes.

    /// <summary>A template does not compile or fails when rendered at parse time.</summary>
    public const string TemplateError = "CED1201";

    /// <summary>A ref() names no enabled node.</summary>
    public const string RefNotFound = "CED1202";

    /// <summary>A source() names no source table.</summary>
    public const string SourceNotFound = "CED1203";

    /// <summary>Two enabled nodes have the same name.</summary>
    public const string DuplicateNode = "CED1204";

    /// <summary>An enabled node depends on a disabled one.</summary>
    public const string RefToDisabled = "CED1205";

    /// <summary>The graph has a cycle.</summary>
    public const string Cycle = "CED1206";

    /// <summary>A property file describes a node that does not exist.</summary>
    public const string PatchTargetMissing = "CED1207";

    /// <summary>A doc() names no docs block.</summary>
    public const string DocNotFound = "CED1208";

    /// <summary>A generic test names no test macro.</summary>
    public const string TestMacroNotFound = "CED1209";

    /// <summary>A seed's CSV file is malformed (an unclosed quote, a row wider than the header) or its delimiter config is invalid.</summary>
    public const string SeedFormat = "CED1210";

    // CED13xx: selection.

    /// <summary>A selector expression is invalid or names an unknown method.</summary>
    public const string SelectorSyntax = "CED1301";

    /// <summary>selectors.yml is invalid or --selector names an unknown selector.</summary>
    public const string SelectorDefinition = "CED1302";

    /// <summary>A selection method Cedule does not support yet (<c>state:</c>, <c>result:</c>, <c>source_status:</c>).</summary>
    public const string SelectorUnsupported = "CED1303";

    /// <summary>A selection criterion matches no enabled node (a warning, as dbt's NoNodesForSelectionCriteria).</summary>
    public const string SelectorNoMatch = "CED1304";

    /// <summary>A node depends on a unique id that is not in the graph.</summary>
    public const string DependencyNotFound = "CED1305";

    // CED15xx: seeds.

    /// <summary>A seed file is not valid CSV (unterminated quote, ragged row, not UTF-8).</summary>
    public const string SeedCsv = "CED1501";
}
