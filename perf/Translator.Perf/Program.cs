using BenchmarkDotNet.Running;

// Micro-benchmarks: `dotnet run -c Release --project perf/Translator.Perf -- --filter '*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
