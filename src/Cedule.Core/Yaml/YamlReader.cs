using Cedule.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Cedule.Core.Yaml;

/// <summary>
/// Reads YAML into <see cref="YamlNode"/> trees with positions. Anchors and aliases are
/// resolved, and merge keys (<c>&lt;&lt;: *anchor</c>, or a list of anchors) are applied the way
/// PyYAML applies them: merged entries first, explicit entries after and winning.
/// </summary>
public static class YamlReader
{
    /// <summary>Reads the first document of <paramref name="text"/>; an empty file gives null.</summary>
    /// <exception cref="ProjectException">The text is not valid YAML (the diagnostic points into it).</exception>
    public static YamlNode? Read(string text, string path)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, anchors, path, depth: 0);
            parser.Consume<DocumentEnd>();
            return root is YamlScalar { IsQuoted: false, Text: "" } ? null : root;
        }
        catch (YamlException e)
        {
            var line = (int)Math.Min(int.MaxValue, e.Start.Line);
            var column = (int)Math.Min(int.MaxValue, e.Start.Column);
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            throw new ProjectException(Diagnostic.Error(
                DiagnosticCodes.YamlSyntax, $"invalid YAML: {Clean(message)}", new SourceLocation(path, line, column)));
        }
    }

    private const int MaxDepth = 200;

    private static YamlNode ReadNode(IParser parser, Dictionary<string, YamlNode> anchors, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            var current = parser.Current!;
            throw new YamlException(current.Start, current.End, $"nesting deeper than {MaxDepth} levels");
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new YamlException(alias.Start, alias.End, $"unknown alias '*{alias.Value.Value}'");
            }

            return target;
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var node = new YamlScalar(
                scalar.Value,
                scalar.Style is not ScalarStyle.Plain and not ScalarStyle.Any,
                scalar.Tag.IsEmpty ? null : scalar.Tag.Value,
                At(scalar.Start, path));
            Remember(anchors, scalar.Anchor, node);
            return node;
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<YamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, anchors, path, depth + 1));
            }

            var node = new YamlSequence(items, At(sequenceStart.Start, path));
            Remember(anchors, sequenceStart.Anchor, node);
            return node;
        }

        if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            var merged = new List<KeyValuePair<YamlScalar, YamlNode>>();
            var explicitEntries = new List<KeyValuePair<YamlScalar, YamlNode>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyEvent = parser.Current!;
                var key = ReadNode(parser, anchors, path, depth + 1);
                var value = ReadNode(parser, anchors, path, depth + 1);
                if (key is not YamlScalar keyScalar)
                {
                    throw new YamlException(keyEvent.Start, keyEvent.End, "only scalar mapping keys are supported");
                }

                if (!keyScalar.IsQuoted && keyScalar.Text == "<<")
                {
                    Merge(merged, value, keyEvent);
                }
                else
                {
                    explicitEntries.Add(new(keyScalar, value));
                }
            }

            merged.AddRange(explicitEntries);
            var node = new YamlMapping(merged, At(mappingStart.Start, path));
            Remember(anchors, mappingStart.Anchor, node);
            return node;
        }

        var unexpected = parser.Current!;
        throw new YamlException(unexpected.Start, unexpected.End, $"unexpected {unexpected.GetType().Name}");
    }

    private static void Merge(List<KeyValuePair<YamlScalar, YamlNode>> into, YamlNode value, ParsingEvent at)
    {
        switch (value)
        {
            case YamlMapping mapping:
                into.AddRange(mapping.Entries);
                break;
            case YamlSequence sequence:
                // PyYAML: in a list of merged mappings, earlier ones win over later ones.
                for (var i = sequence.Items.Count - 1; i >= 0; i--)
                {
                    if (sequence.Items[i] is not YamlMapping item)
                    {
                        throw new YamlException(at.Start, at.End, "a merge key (<<) needs a mapping or a list of mappings");
                    }

                    into.AddRange(item.Entries);
                }

                break;
            default:
                throw new YamlException(at.Start, at.End, "a merge key (<<) needs a mapping or a list of mappings");
        }
    }

    private static void Remember(Dictionary<string, YamlNode> anchors, AnchorName anchor, YamlNode node)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }

    private static SourceLocation At(Mark mark, string path) =>
        new(path, (int)Math.Min(int.MaxValue, mark.Line), (int)Math.Min(int.MaxValue, mark.Column));

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: ..) - (...): "; the location is ours to print.
        var separator = message.LastIndexOf("): ", StringComparison.Ordinal);
        return separator >= 0 && message.StartsWith('(') ? message[(separator + 3)..] : message;
    }
}
