namespace Experimenten.Bench;

/// <summary>
/// dotnet run -c Release --project bench/Experimenten.Bench -- submit [clients] [applications]
/// dotnet run -c Release --project bench/Experimenten.Bench -- lifecycle [in-flight steps, e.g. 10 30 60 120]
/// dotnet run -c Release --project bench/Experimenten.Bench -- dashboard [small] [large]
/// dotnet run -c Release --project bench/Experimenten.Bench -- emulator [table sizes, e.g. 0 10000 50000 200000]
/// </summary>
static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        int Arg(int index, int fallback) => args.Length > index && int.TryParse(args[index], out var v) ? v : fallback;
        return (args.FirstOrDefault() ?? "submit") switch
        {
            "submit" => await SubmitBenchmark.RunAsync(Arg(1, 16), Arg(2, 160)),
            "lifecycle" => await LifecycleBenchmark.RunAsync(args.Length > 1 ? [.. args.Skip(1).Select(int.Parse)] : [10, 30, 60, 120]),
            "dashboard" => await DashboardBenchmark.RunAsync(Arg(1, 1_000), Arg(2, 100_000)),
            "emulator" => await EmulatorBenchmark.RunAsync(args.Length > 1 ? [.. args.Skip(1).Select(int.Parse)] : [0, 10_000, 50_000, 200_000]),
            _ => Usage(),
        };
    }

    static int Usage()
    {
        Console.Error.WriteLine("usage: submit [clients=16] [applications=160] | lifecycle [in-flight steps=10 30 60 120] | dashboard [small=1000] [large=100000] | emulator [table sizes=0 10000 50000 200000]");
        return 2;
    }
}
