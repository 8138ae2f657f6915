using System.Text.Json.Nodes;
using Firebreak.Domain.Common;
using Firebreak.Domain.Packages;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>
/// Writes an advisory as an OSV 1.6 record. OSV ids come from a home database: with the project's own registered
/// prefix (<see cref="OsvDatabasePrefix"/>) the record is that database's (FIREBREAK-2026-0001) and GHSA and CVE ids are
/// aliases; without one the id is the GHSA id, else the CVE id. The Firebreak id travels in <c>database_specific</c>.
/// Products without an ecosystem and not-affected statements have no place in OSV and are left out.
/// </summary>
public static class OsvExporter
{
    /// <summary>The OSV schema version written.</summary>
    public const string SchemaVersion = "1.6.0";

    /// <summary>The record as indented JSON, named by its GHSA id, else its CVE id.</summary>
    public static string Write(SecurityAdvisory advisory) => Write(advisory, database: null);

    /// <summary>
    /// The record as indented JSON, in the project's own OSV database when <paramref name="database"/> is given: its id
    /// is <paramref name="id"/> when given (it must be one of the database's), else <see cref="OsvDatabasePrefix.IdFor"/>.
    /// Without a database the id is the GHSA id, else the CVE id, else <paramref name="id"/>.
    /// </summary>
    public static string Write(SecurityAdvisory advisory, OsvDatabasePrefix? database, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        id = RecordId(advisory, database, id);
        var modified = advisory.LastModified ?? throw new DomainException("timeline.modified: an OSV record needs a modification date.");
        var record = new JsonObject
        {
            ["schema_version"] = SchemaVersion,
            ["id"] = id,
            ["modified"] = AdvisoryJson.Timestamp(modified),
        };
        if (advisory.Timeline.Published is { } published) record["published"] = AdvisoryJson.Timestamp(published);
        if (advisory.Timeline.Withdrawn is { } withdrawn) record["withdrawn"] = AdvisoryJson.Timestamp(withdrawn);
        var aliases = advisory.Aliases.Where(a => a != id).ToList();
        if (aliases.Count > 0) record["aliases"] = AdvisoryJson.Strings(aliases);
        record["summary"] = advisory.Summary;
        if (advisory.Description is { } details) record["details"] = details;
        var severity = new JsonArray();
        if (advisory.Cvss3 is { } v3) severity.Add((JsonNode)new JsonObject { ["type"] = "CVSS_V3", ["score"] = v3.Vector });
        if (advisory.Cvss4 is { } v4) severity.Add((JsonNode)new JsonObject { ["type"] = "CVSS_V4", ["score"] = v4.Vector });
        if (severity.Count > 0) record["severity"] = severity;
        record["affected"] = AdvisoryJson.Array(advisory.Affected.Where(p => p.Package.Ecosystem is not null).Select(Affected));
        if (advisory.References.Count > 0)
            record["references"] = AdvisoryJson.Array(advisory.References.Select(r => new JsonObject { ["type"] = r.Type.ToString().ToUpperInvariant(), ["url"] = r.Url }));
        var credits = advisory.PublicCredits.Select(Credit).ToList();
        if (credits.Count > 0) record["credits"] = AdvisoryJson.Array(credits);
        var specific = new JsonObject { ["firebreak_id"] = advisory.Id };
        if (advisory.Cwes.Count > 0) specific["cwe_ids"] = AdvisoryJson.Strings(advisory.Cwes.Select(c => c.Id));
        if (advisory.Severity is { } rating) specific["severity"] = rating.ToString().ToUpperInvariant();
        if (advisory.UserSafetyImpact is { } impact) specific["user_safety_impact"] = impact;
        record["database_specific"] = specific;
        return AdvisoryJson.Print(record);
    }

    private static string RecordId(SecurityAdvisory advisory, OsvDatabasePrefix? database, string? id)
    {
        if (database is not null)
        {
            if (id is null) return database.IdFor(advisory);
            return database.Owns(id) ? id : throw new DomainException($"osv.id: '{id}' is not an id of the {database} database ({database}-<entry>).");
        }
        if ((advisory.GhsaId ?? advisory.CveId) is { } alias) return alias;
        if (id is not null && OsvDatabasePrefix.TryParse(id.Split('-')[0], out var prefix, out _) && prefix.Owns(id)) return id;
        throw new DomainException(id is null
            ? "aliases: an OSV record needs a GHSA or CVE id, or the project's own OSV database prefix (osv.prefix, e.g. FIREBREAK, as PYSEC and RUSTSEC are registered)."
            : $"osv.id: '{id}' is not an OSV id (PREFIX-entry, e.g. FIREBREAK-2026-0001).");
    }

    private static JsonObject Affected(AffectedProduct product)
    {
        var package = new JsonObject { ["ecosystem"] = product.Package.Ecosystem!.Value.ToOsvName(), ["name"] = product.Package.Name };
        if (product.Package.Purl is { } purl) package["purl"] = purl.ToString();
        var entry = new JsonObject { ["package"] = package };
        if (product.Ranges.Count > 0) entry["ranges"] = AdvisoryJson.Array(product.Ranges.Select(Range));
        if (product.AffectedVersions.Count > 0) entry["versions"] = AdvisoryJson.Strings(product.AffectedVersions);
        if (product.PatchedVersions.Count > 0)
            entry["database_specific"] = new JsonObject { ["patched_versions"] = AdvisoryJson.Strings(product.PatchedVersions) };
        return entry;
    }

    private static JsonObject Range(AffectedRange range) => new()
    {
        ["type"] = range.Type == AffectedRangeType.Semver ? "SEMVER" : "ECOSYSTEM",
        ["events"] = AdvisoryJson.Array(range.Events.Select(e => new JsonObject { [EventName(e.Kind)] = e.Version })),
    };

    /// <summary>The OSV name of an event kind (shared with the CSAF and CVE mappings).</summary>
    internal static string EventName(RangeEventKind kind) => kind switch
    {
        RangeEventKind.Introduced => "introduced",
        RangeEventKind.Fixed => "fixed",
        RangeEventKind.LastAffected => "last_affected",
        RangeEventKind.Limit => "limit",
    };

    private static JsonObject Credit(AdvisoryCredit credit)
    {
        var entry = new JsonObject { ["name"] = credit.PublicName };
        if (credit.Contact is { } contact) entry["contact"] = AdvisoryJson.Strings([contact]);
        entry["type"] = credit.Type.ToWire().Replace('-', '_').ToUpperInvariant();
        return entry;
    }
}
