using System.Text.Json;
using System.Text.Json.Serialization;
using Firebreak.Domain.Disclosure.Formats;

namespace Firebreak.Domain.Common;

/// <summary>
/// The JSON the Domain reads and writes by type, compiled ahead of time (System.Text.Json source generation), so the
/// CLI can be published as Native AOT without reflection. Instantiate with the caller's options where they matter.
/// </summary>
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(AdvisoryInput))]
internal sealed partial class DomainJsonContext : JsonSerializerContext;
