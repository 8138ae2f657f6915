using System.Text.Json.Serialization;

namespace Firebreak.Domain.Disclosure.Formats;

/// <summary>The advisory input document, read by generated code (no reflection) so the CLI can be published as Native AOT.</summary>
[JsonSerializable(typeof(AdvisoryInput))]
internal sealed partial class AdvisoryJsonContext : JsonSerializerContext;
