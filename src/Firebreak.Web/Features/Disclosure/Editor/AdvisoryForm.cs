using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Firebreak.Domain.Common;
using Firebreak.Domain.Disclosure;
using Firebreak.Domain.Packages;

namespace Firebreak.Web.Features.Disclosure.Editor;

/// <summary>
/// The structured editor's fields, bound from the form and turned into Firebreak's advisory JSON (and back). The form
/// owns the members it shows; <see cref="ToJson"/> writes them over a base document so members it does not show
/// (publisher, timeline, unaffected products) survive a round trip unchanged. Nothing here validates beyond shape: the
/// JSON goes through the same reader as the API, which names the field of any problem.
/// </summary>
internal sealed class AdvisoryForm
{
    public const int MaxRows = 50;

    public string? Id { get; set; }
    public string? Summary { get; set; }
    public string? Cve { get; set; }
    public string? Ghsa { get; set; }
    public string? Description { get; set; }
    public string? Severity { get; set; }
    public string? CvssV3 { get; set; }
    public string? CvssV4 { get; set; }
    public string? UserSafetyImpact { get; set; }
    public string? Remediation { get; set; }
    public List<string?> Cwes { get; set; } = [];
    public List<PackageRow> Packages { get; set; } = [];
    public List<ReferenceRow> References { get; set; } = [];
    public List<CreditRow> Credits { get; set; } = [];
    public List<RevisionRow> Revisions { get; set; } = [];

    /// <summary>Aliases other than the first CVE and GHSA id, kept as they were.</summary>
    public List<string?> OtherAliases { get; set; } = [];

    internal sealed class PackageRow
    {
        public string? Purl { get; set; }
        /// <summary>A product without a purl (imported from CSAF or CVE records): its name, with <see cref="Vendor"/>.</summary>
        public string? Product { get; set; }
        public string? Vendor { get; set; }
        public List<RangeRow> Ranges { get; set; } = [];
        /// <summary>Versions known to be affected one by one, comma-separated.</summary>
        public string? Versions { get; set; }
        /// <summary>Versions carrying the fix, comma-separated.</summary>
        public string? Patched { get; set; }
    }

    internal sealed class RangeRow
    {
        public string? Type { get; set; }
        public string? Introduced { get; set; }
        public string? Fixed { get; set; }
        public string? LastAffected { get; set; }
        /// <summary>The short form: <c>&lt; 1.4.2</c>, <c>&lt;= 1.4.1</c>, <c>&gt;= 1.0.0, &lt; 1.4.2</c>; when given it sets the three fields.</summary>
        public string? Shorthand { get; set; }
    }

    internal sealed class ReferenceRow
    {
        public string? Type { get; set; }
        public string? Url { get; set; }
        public string? Name { get; set; }
    }

    internal sealed class CreditRow
    {
        public string? Type { get; set; }
        public string? Name { get; set; }
        public string? Contact { get; set; }
        public bool Consent { get; set; }
        public bool Anonymous { get; set; }
    }

    internal sealed class RevisionRow
    {
        public string? Number { get; set; }
        public string? Date { get; set; }
        public string? Summary { get; set; }
    }

    /// <summary>The credit types in GitHub's words (the JSON spells them with underscores).</summary>
    public static IReadOnlyList<CreditType> CreditTypes { get; } = Enum.GetValues<CreditType>();

    public static string CreditWire(CreditType type) => type.ToWire().Replace('-', '_');

    public static IReadOnlyList<AdvisoryReferenceType> ReferenceTypes { get; } = Enum.GetValues<AdvisoryReferenceType>();

    private static readonly JsonSerializerOptions Printing = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Pretty JSON that keeps text readable: backticks, quotes and non-ASCII letters are written as themselves.</summary>
    public static string Print(JsonNode node) => node.ToJsonString(Printing);

    /// <summary>Reads the form's fields from an advisory document; a document that is not an object gives an empty form.</summary>
    public static AdvisoryForm FromJson(string json)
    {
        var form = new AdvisoryForm();
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return form;
        }
        form.Id = Text(root["id"]);
        form.Summary = Text(root["summary"]);
        form.Description = Text(root["description"]);
        form.Severity = Text(root["severity"]);
        form.CvssV3 = Text(root["cvss_v3"]);
        form.CvssV4 = Text(root["cvss_v4"]);
        form.UserSafetyImpact = Text(root["user_safety_impact"]);
        form.Remediation = Text(root["remediation"]);
        foreach (var alias in Items(root["aliases"]).Select(Text).OfType<string>())
        {
            if (form.Cve is null && AdvisoryIdentifiers.IsCve(alias)) form.Cve = alias;
            else if (form.Ghsa is null && AdvisoryIdentifiers.IsGhsa(alias)) form.Ghsa = alias;
            else form.OtherAliases.Add(alias);
        }
        form.Cwes = [.. Items(root["cwes"]).Select(c => Text(c?["id"]))];
        form.Packages = [.. Items(root["affected"]).OfType<JsonObject>().Select(Package)];
        form.References = [.. Items(root["references"]).Select(r => new ReferenceRow { Type = Text(r?["type"]), Url = Text(r?["url"]), Name = Text(r?["name"]) })];
        form.Credits = [.. Items(root["credits"]).Select(c => new CreditRow
        {
            Type = Text(c?["type"])?.Replace('-', '_'), Name = Text(c?["name"]), Contact = Text(c?["contact"]),
            Consent = Flag(c?["consent"], true), Anonymous = Flag(c?["anonymous"], false),
        })];
        form.Revisions = [.. Items(root["revisions"]).Select(r => new RevisionRow { Number = Text(r?["number"]), Date = Date(Text(r?["date"])), Summary = Text(r?["summary"]) })];
        return form;
    }

    private static PackageRow Package(JsonObject p)
    {
        var row = new PackageRow
        {
            Vendor = Text(p["vendor"]),
            Versions = string.Join(", ", Items(p["versions"]).Select(Text).OfType<string>()),
            Patched = string.Join(", ", Items(p["patched"]).Select(Text).OfType<string>()),
        };
        if (Text(p["purl"]) is { } purl) row.Purl = purl;
        else if (Text(p["ecosystem"]) is { } ecosystem && Text(p["name"]) is { } name && EcosystemNames.TryFromOsvName(ecosystem, out var e))
        {
            try
            {
                row.Purl = AdvisoryPackage.InEcosystem(e, name).Purl?.ToString();
            }
            catch (DomainException)
            {
                row.Product = name;
            }
        }
        else row.Product = Text(p["name"]);
        foreach (var range in Items(p["ranges"]).OfType<JsonObject>())
        {
            var events = Items(range["events"]).OfType<JsonObject>().SelectMany(e => e).Select(kv => (kv.Key, Value: Text(kv.Value))).ToList();
            // One row per introduced event: OSV ranges may hold several spans, the form shows each span on its own line.
            RangeRow? current = null;
            foreach (var (kind, value) in events)
            {
                if (kind == "introduced" || current is null)
                {
                    current = new RangeRow { Type = Text(range["type"]) };
                    row.Ranges.Add(current);
                }
                switch (kind)
                {
                    case "introduced": current.Introduced = value; break;
                    case "fixed": current.Fixed = value; break;
                    case "last_affected": current.LastAffected = value; break;
                }
            }
        }
        return row;
    }

    /// <summary>
    /// Writes the form's members over <paramref name="baseDocument"/> (the saved advisory or the first draft) and
    /// returns the advisory JSON. Empty rows are dropped, so an "add another" row left blank changes nothing.
    /// </summary>
    public string ToJson(string baseDocument)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(baseDocument) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            root = [];
        }
        Set(root, "id", Id);
        Set(root, "summary", Summary);
        Set(root, "description", Description?.Replace("\r\n", "\n", StringComparison.Ordinal));
        Set(root, "severity", Severity);
        Set(root, "cvss_v3", CvssV3);
        Set(root, "cvss_v4", CvssV4);
        Set(root, "user_safety_impact", UserSafetyImpact);
        Set(root, "remediation", Remediation);
        root["aliases"] = Strings(new[] { Cve, Ghsa }.Concat(OtherAliases));
        root["cwes"] = new JsonArray([.. Clean(Cwes).Select(id => Cwe(id))]);
        root["affected"] = new JsonArray([.. Packages.Select(Package).OfType<JsonNode>()]);
        root["references"] = new JsonArray([.. References.Where(r => !Blank(r.Url)).Select(r => Object(("type", r.Type ?? "web"), ("url", r.Url), ("name", r.Name)))]);
        root["credits"] = new JsonArray([.. Credits.Where(c => !Blank(c.Name) || c.Anonymous).Select(Credit)]);
        root["revisions"] = new JsonArray([.. Revisions.Where(r => !Blank(r.Summary) || !Blank(r.Number)).Select(Revision)]);
        return Print(root);
    }

    private static JsonObject Cwe(string id)
    {
        var canonical = CweId.TryParse(id, out var parsed) ? parsed.Value : id;
        var cwe = new JsonObject { ["id"] = canonical };
        if (CweCatalog.NameOf(canonical) is { } name) cwe["name"] = name;
        return cwe;
    }

    private static JsonObject? Package(PackageRow p)
    {
        var ranges = p.Ranges.Select(Range).OfType<JsonObject>().ToList();
        var versions = Split(p.Versions);
        var patched = Split(p.Patched);
        if (Blank(p.Purl) && Blank(p.Product) && ranges.Count == 0 && versions.Count == 0 && patched.Count == 0) return null;
        var package = new JsonObject();
        if (!Blank(p.Purl)) package["purl"] = p.Purl!.Trim();
        else package["name"] = p.Product?.Trim();
        if (!Blank(p.Vendor)) package["vendor"] = p.Vendor!.Trim();
        var type = RangeType(p.Purl);
        foreach (var range in ranges) range["type"] ??= type;
        if (ranges.Count > 0) package["ranges"] = new JsonArray([.. ranges]);
        if (versions.Count > 0) package["versions"] = Strings(versions);
        if (patched.Count > 0) package["patched"] = Strings(patched);
        return package;
    }

    private static JsonObject? Range(RangeRow r)
    {
        if (!Blank(r.Shorthand)) (r.Introduced, r.Fixed, r.LastAffected) = VersionShorthand.Parse(r.Shorthand!);
        if (Blank(r.Introduced) && Blank(r.Fixed) && Blank(r.LastAffected)) return null;
        var events = new JsonArray(new JsonObject { ["introduced"] = Blank(r.Introduced) ? "0" : r.Introduced!.Trim() });
        if (!Blank(r.Fixed)) events.Add(new JsonObject { ["fixed"] = r.Fixed!.Trim() });
        if (!Blank(r.LastAffected)) events.Add(new JsonObject { ["last_affected"] = r.LastAffected!.Trim() });
        var range = new JsonObject();
        if (!Blank(r.Type)) range["type"] = r.Type!.Trim();
        range["events"] = events;
        return range;
    }

    /// <summary>SEMVER for ecosystems whose versions are semantic versions, else ECOSYSTEM (OSV's rule).</summary>
    private static string RangeType(string? purl) =>
        PackageUrl.TryParse(purl?.Trim(), PurlStrictness.Lenient, out var parsed, out _) && parsed.Type is "npm" or "cargo" or "golang" or "hex" or "pub"
            ? "SEMVER" : "ECOSYSTEM";

    private static JsonObject Credit(CreditRow c)
    {
        var credit = new JsonObject { ["type"] = Blank(c.Type) ? "other" : c.Type!.Trim() };
        if (c.Anonymous) credit["anonymous"] = true;
        else
        {
            credit["name"] = c.Name?.Trim();
            if (!Blank(c.Contact)) credit["contact"] = c.Contact!.Trim();
        }
        credit["consent"] = c.Consent;
        return credit;
    }

    private static JsonObject Revision(RevisionRow r)
    {
        var date = DateOnly.TryParseExact(r.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z"
            : DateTimeOffset.TryParse(r.Date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var full)
                ? full.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : throw new DomainException($"revisions.date: '{r.Date}' is not a date (YYYY-MM-DD).");
        return Object(("number", r.Number?.Trim()), ("date", date), ("summary", r.Summary?.Trim()));
    }

    private static JsonObject Object(params (string Key, string? Value)[] members)
    {
        var o = new JsonObject();
        foreach (var (key, value) in members) if (!Blank(value)) o[key] = value!.Trim();
        return o;
    }

    private static void Set(JsonObject root, string key, string? value)
    {
        if (Blank(value)) root.Remove(key);
        else root[key] = value!.Trim();
    }

    private static JsonArray Strings(IEnumerable<string?> items) => [.. Clean(items).Select(s => (JsonNode)JsonValue.Create(s))];

    private static List<string> Clean(IEnumerable<string?> items) => [.. items.Where(s => !Blank(s)).Select(s => s!.Trim()).Distinct(StringComparer.Ordinal)];

    private static List<string> Split(string? list) => Clean((list ?? "").Split(',', '\n'));

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);

    private static IEnumerable<JsonNode?> Items(JsonNode? node) => node as JsonArray ?? [];

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool Flag(JsonNode? node, bool otherwise) => node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : otherwise;

    private static string? Date(string? iso) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) && d.UtcDateTime.TimeOfDay == TimeSpan.Zero
            ? d.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : iso;
}
