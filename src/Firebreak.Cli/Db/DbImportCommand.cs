using System.CommandLine;
using System.Globalization;
using Firebreak.Cli.Common;
using Firebreak.Domain.Advisories;
using Firebreak.Domain.Advisories.Index;

namespace Firebreak.Cli.Db;

/// <summary>
/// `firebreak db import`: local feeds (--osv, --rustsec, --kev) and downloaded ones (--osv-url, --rustsec-url,
/// --kev-url, or --fetch for the defaults). Nothing is fetched unless asked. Every feed is read before the
/// index is replaced, so any failure leaves it as it was.
/// </summary>
internal static class DbImportCommand
{
    /// <summary>Fetched by --fetch unless FIREBREAK_KEV_URL says otherwise.</summary>
    public const string DefaultKevUrl = "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json";

    /// <summary>Fetched by --fetch unless FIREBREAK_RUSTSEC_URL says otherwise.</summary>
    public const string DefaultRustSecUrl = "https://github.com/rustsec/advisory-db/archive/refs/heads/main.zip";

    public static Command Create(CliContext context, Option<string?> db)
    {
        var osv = new Option<string[]>("--osv") { Description = "OSV records: a JSON file, a folder of them, or an osv.dev ecosystem .zip (repeatable)", AllowMultipleArgumentsPerToken = true };
        var rustsec = new Option<string?>("--rustsec") { Description = "A RustSec advisory-db folder" };
        var kev = new Option<string?>("--kev") { Description = "CISA KEV catalog JSON" };
        var osvUrl = new Option<string[]>("--osv-url") { Description = "Download OSV records (a JSON file or an osv.dev ecosystem .zip) over HTTP(S) (repeatable)" };
        var rustsecUrl = new Option<string?>("--rustsec-url") { Description = "Download a .zip of the RustSec advisory-db repository" };
        var kevUrl = new Option<string?>("--kev-url") { Description = "Download the CISA KEV catalog JSON" };
        var fetch = new Option<bool>("--fetch") { Description = "Download the default feeds: $FIREBREAK_OSV_URL (if set), $FIREBREAK_RUSTSEC_URL and $FIREBREAK_KEV_URL, else the public RustSec and KEV URLs" };
        var command = new Command("import", "Import feeds into the index; importing a source again replaces only that source's records")
            { osv, rustsec, kev, osvUrl, rustsecUrl, kevUrl, fetch, db };
        command.SetAction(parse =>
        {
            var feeds = new FeedSet(parse.GetValue(osv) ?? [], parse.GetValue(rustsec), parse.GetValue(kev), [.. parse.GetValue(osvUrl) ?? []], parse.GetValue(rustsecUrl), parse.GetValue(kevUrl));
            if (parse.GetValue(fetch))
            {
                if (feeds.OsvUrls.Count == 0 && context.GetEnvironment("FIREBREAK_OSV_URL") is { Length: > 0 } osvDefault) feeds.OsvUrls.Add(osvDefault);
                string? Default(string variable, string fallback) => context.GetEnvironment(variable) is { Length: > 0 } url ? url : fallback;
                // A local path given for a feed wins over its default URL.
                if (feeds.RustSec is null) feeds = feeds with { RustSecUrl = feeds.RustSecUrl ?? Default("FIREBREAK_RUSTSEC_URL", DefaultRustSecUrl) };
                if (feeds.Kev is null) feeds = feeds with { KevUrl = feeds.KevUrl ?? Default("FIREBREAK_KEV_URL", DefaultKevUrl) };
            }
            if (feeds.Problem() is { } problem)
            {
                context.Error.WriteLine("firebreak: " + problem);
                return ExitCodes.Usage;
            }
            return Run(context, feeds, AdvisoryDbFile.Resolve(parse.GetValue(db)));
        });
        return command;
    }

    private static int Run(CliContext context, FeedSet feeds, string path)
    {
        if (Existing(path, context.Error) is not { } builder) return ExitCodes.InvalidInput;
        var now = context.Time.GetUtcNow();
        var skipped = 0;
        void Report(AdvisorySource source, AdvisoryImportSummary summary, List<AdvisoryFormatException> errors)
        {
            foreach (var error in errors) context.Error.WriteLine($"firebreak: skipped {error.Message}");
            skipped += errors.Count;
            var how = summary.Replaced ? $"replaced; {summary.KeptNewer} newer stored copies kept, {summary.Removed} removed" : "new";
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DbCommands.Kind(source.Kind)} {source.Location}: {summary.Records} records ({how})"));
        }
        try
        {
            using var download = new FeedDownload(context.CreateFeedClient(), context.FeedByteLimit);
            foreach (var osvPath in feeds.Osv)
            {
                var source = new AdvisorySource(AdvisorySourceKind.Osv, Path.GetFullPath(osvPath), now);
                // Each record is encoded into the builder as it is read, never held as objects with the rest.
                var import = builder.StartImport(source);
                var errors = AdvisoryFeedReader.ImportOsv(import, osvPath, source);
                Report(source, import.Complete(), errors);
            }
            foreach (var url in feeds.OsvUrls)
            {
                var file = download.Get(new Uri(url));
                var source = new AdvisorySource(AdvisorySourceKind.Osv, url, context.Time.GetUtcNow());
                var import = builder.StartImport(source);
                var errors = AdvisoryFeedReader.ImportOsv(import, file, source);
                // A download none of which reads is a wrong URL or a broken answer, not a feed with a bad record.
                if (import.Read == 0 && errors.Count > 0) throw new IOException($"{url}: no OSV records in the answer ({errors[0].Message})");
                Report(source, import.Complete(), errors);
            }
            if (feeds.RustSec is not null || feeds.RustSecUrl is not null)
            {
                var folder = feeds.RustSec ?? UnpackRustSec(download, feeds.RustSecUrl!, context.FeedByteLimit);
                var source = feeds.RustSec is not null
                    ? new AdvisorySource(AdvisorySourceKind.RustSec, Path.GetFullPath(feeds.RustSec), now)
                    : new AdvisorySource(AdvisorySourceKind.RustSec, feeds.RustSecUrl!, context.Time.GetUtcNow());
                var (records, errors) = AdvisoryFeedReader.ReadRustSec(folder, source);
                Report(source, builder.Import(source, records), errors);
            }
            if (feeds.Kev is not null || feeds.KevUrl is not null)
            {
                var file = feeds.Kev ?? download.Get(new Uri(feeds.KevUrl!));
                var source = feeds.Kev is not null
                    ? new AdvisorySource(AdvisorySourceKind.Kev, Path.GetFullPath(feeds.Kev), now)
                    : new AdvisorySource(AdvisorySourceKind.Kev, feeds.KevUrl!, context.Time.GetUtcNow());
                Report(source, builder.ImportKev(source, AdvisoryFeedReader.ReadKev(file)), []);
            }
            AdvisoryDbFile.Save(builder, path);
        }
        catch (Exception e) when (e is AdvisoryFormatException or IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"firebreak: {e.Message}; the index was not changed.");
            return ExitCodes.InvalidInput;
        }
        context.Out.WriteLine($"wrote {path}: {builder.Sources.Count} sources");
        return skipped > 0 ? ExitCodes.InvalidInput : ExitCodes.Ok;
    }

    /// <summary>
    /// A builder holding the index at <paramref name="path"/> (empty when there is none), or null after reporting
    /// why it cannot be read. Its own method so the loaded file (bytes and decoded strings) is garbage once
    /// its records are staged, not held by a local until the import ends.
    /// </summary>
    private static AdvisoryIndexBuilder? Existing(string path, TextWriter error)
    {
        if (!File.Exists(path)) return new AdvisoryIndexBuilder();
        return AdvisoryDbFile.TryLoad(path, error) is { } existing ? AdvisoryIndexBuilder.From(existing) : null;
    }

    private static string UnpackRustSec(FeedDownload download, string url, long maxBytes)
    {
        var zip = download.Get(new Uri(url));
        var folder = Path.Combine(Path.GetDirectoryName(zip)!, "advisory-db");
        try
        {
            RustSecArchive.Extract(zip, folder, maxBytes);
        }
        catch (IOException e)
        {
            throw new IOException($"{url}: {e.Message}", e);
        }
        return folder;
    }
}
