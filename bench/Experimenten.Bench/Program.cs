using Experimenten.Bench;

// dotnet run -c Release --project bench/Experimenten.Bench -- submit [clients] [applications]
var command = args.FirstOrDefault() ?? "submit";
return command switch
{
    "submit" => await SubmitBenchmark.RunAsync(Arg(1, 16), Arg(2, 160)),
    _ => Usage(),
};

int Arg(int index, int fallback) => args.Length > index && int.TryParse(args[index], out var v) ? v : fallback;

static int Usage()
{
    Console.Error.WriteLine("usage: submit [clients=16] [applications=160]");
    return 2;
}
