using Translator.Platform.Cli;

return CommandLine.Run(args, Console.Out, Console.Error);
