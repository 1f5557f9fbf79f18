using Cedule.Core.Diagnostics;
using Cedule.Core.Execution.Runtime;

namespace Cedule.Core.Execution;

public sealed partial class ExecutionSession
{
    private static NodeResult RunSeed(NodeRun run) =>
        throw new ProjectException(Diagnostic.Error(DiagnosticCodes.TemplateError,
            "seeds are loaded by the seed loader, which this build does not include yet", SourceLocation.InFile(run.Node.OriginalFilePath)));
}
