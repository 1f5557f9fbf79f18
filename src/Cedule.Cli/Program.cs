using Cedule.Cli;

return await CeduleCommand.RunAsync(args).ConfigureAwait(false);
