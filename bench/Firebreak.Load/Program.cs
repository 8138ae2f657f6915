using Firebreak.Load;

// A load generator for Firebreak's HTTP paths, the bare endpoint it is compared with, and the reliability battery's
// trials against the real server (scripts/battery drives them; docs/reliability.md records their figures).
//   bare-server --port N --db FILE        a minimal ASP.NET Core endpoint inserting one SQLite row per POST
//   run --url URL --clients C --count N    POSTs N reports from C concurrent clients and prints the figures
//   load --app DIR --work DIR [--provider sqlite|postgres --connection CS] [--clients 64] [--count 10000]
//                                          starts the server, submits N reports and opens N incidents, checks each stored once
//   crash --app DIR --work DIR [--provider …] [--cycles 100] [--clients 16] [--min-ms 300] [--max-ms 3000] [--seed S] [--minutes M]
//                                          kill -9 at random moments under load, then checks receipts, integrity and the audit chain
return args switch
{
    ["bare-server", .. var rest] => await BareServer.RunAsync(Options.Parse(rest)),
    ["run", .. var rest] => await LoadRun.RunAsync(Options.Parse(rest)),
    ["load", .. var rest] => await BatteryLoad.RunAsync(Options.Parse(rest)),
    ["crash", .. var rest] => await CrashRun.RunAsync(Options.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Firebreak.Load bare-server --port N --db FILE | run --url URL [--clients 64] [--count 10000] [--warmup 200] [--label NAME] [--token T]"
        + " | load --app DIR --work DIR [--provider sqlite|postgres] [--connection CS] [--port P] [--clients 64] [--count 10000]"
        + " | crash --app DIR --work DIR [--provider sqlite|postgres] [--connection CS] [--port P] [--cycles 100] [--clients 16] [--min-ms 300] [--max-ms 3000] [--seed S] [--minutes M]");
    return 2;
}
