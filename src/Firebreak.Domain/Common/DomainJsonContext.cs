using System.Text.Json;
using System.Text.Json.Serialization;

namespace Firebreak.Domain.Common;

/// <summary>
/// The JSON the Domain reads and writes by type, compiled ahead of time (System.Text.Json source generation), so the
/// CLI can be published as Native AOT without reflection. Instantiate with the caller's options where they matter.
/// </summary>
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class DomainJsonContext : JsonSerializerContext;
