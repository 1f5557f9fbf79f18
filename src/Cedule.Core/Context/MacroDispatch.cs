using Cedule.Core.Manifest;
using Cedule.Jinja;
using Cedule.Jinja.Values;

namespace Cedule.Core.Context;

/// <summary><c>adapter.dispatch(macro_name, macro_namespace)</c>, the same at parse and at run time.</summary>
internal static class MacroDispatch
{
    public static IJinjaCallable Resolve(ProjectContext project, ManifestNode node, Arguments args, HashSet<string>? called)
    {
        var macroName = PyOps.ToStr(args.Get(0, "macro_name"));
        var ns = args.Get(1, "macro_namespace");
        var macroNamespace = ns is null or Undefined ? null : PyOps.ToStr(ns);
        if (macroName.Contains('.', StringComparison.Ordinal))
        {
            var dot = macroName.IndexOf('.', StringComparison.Ordinal);
            throw new TemplateException(ErrorKind.HostError,
                $"In adapter.dispatch, got a macro name of '{macroName}': the namespace goes in macro_namespace, e.g. adapter.dispatch('{macroName[(dot + 1)..]}', '{macroName[..dot]}')");
        }

        if (project.Macros.TryDispatch(macroName, macroNamespace, node.PackageName, out var macro, out var resolved))
        {
            called?.Add(resolved!);
            return macro!;
        }

        var searched = string.Join(", ", project.Target.AdapterChain.Append("default").Select(p => p + "__" + macroName));
        throw new TemplateException(ErrorKind.HostError,
            $"In dispatch: No macro named '{macroName}' found within namespace '{macroNamespace ?? node.PackageName}'; searched for {searched}");
    }
}
