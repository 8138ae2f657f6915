using Firebreak.Load;

// A load generator for Firebreak's HTTP paths, and the bare endpoint it is compared with.
//   bare-server --port N --db FILE        a minimal ASP.NET Core endpoint inserting one SQLite row per POST
//   run --url URL --clients C --count N    POSTs N reports from C concurrent clients and prints the figures
return args switch
{
    ["bare-server", .. var rest] => await BareServer.RunAsync(Options.Parse(rest)),
    ["run", .. var rest] => await LoadRun.RunAsync(Options.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Firebreak.Load bare-server --port N --db FILE | run --url URL [--clients 64] [--count 10000] [--warmup 200] [--label NAME] [--token T]");
    return 2;
}
